"""Settings: ``base`` (shared), ``dev`` (``make run``), ``test``, ``production``."""
