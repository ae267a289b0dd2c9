"""Progress photos in the window: adding them, comparing two dates, the capture guide."""
