"""Training catalog: courses, sessions, registration with a waitlist (issue 7)."""
