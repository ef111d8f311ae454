"""Annual themes: one network-wide theme a year (issue 6)."""
