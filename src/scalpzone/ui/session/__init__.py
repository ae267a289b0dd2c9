"""One rolling session: the runner and its pages, and the session log."""
