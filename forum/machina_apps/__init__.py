"""Machina apps we replace (same labels, machina's migrations): machina's
``get_class("<label>.<module>", ...)`` then finds our modules first and falls back
to machina's for everything we do not define."""
