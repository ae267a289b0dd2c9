"""Pieces every window shares: actions, questions and message boxes, notices, refusals, errors."""
