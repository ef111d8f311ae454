"""First-party plugins, written exactly as third parties write theirs."""
