"""Awards: a yearly juried award for outstanding communities (issue 7)."""
