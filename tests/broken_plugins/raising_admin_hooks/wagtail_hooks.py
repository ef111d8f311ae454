raise ImportError("admin hooks of this plugin are broken")
