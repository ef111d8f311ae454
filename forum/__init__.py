"""Forums on django-machina: wired in by the forum issue (not yet built)."""
