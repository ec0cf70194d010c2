"""The names every part of the program shares: the session file's suffix, the documents and
their formats, the order of the findings' severities, and the flag of the wizard's page
process.

This module imports nothing, so that what starts first (the command line's argument parsing,
the wizard's first window, the autosave) can use these names without loading the core.
"""

SESSION_SUFFIX = ".adviesgesprek.yaml"
# The documents of a conversation: the agreement the minister signs, the checklist for the
# people who do the work, and the verantwoording (the sources, for the advisor).
DOCUMENT_KINDS = ("afspraken", "checklist", "verantwoording")
EXPORT_FORMATS = ("pdf", "odt", "html")
CONFIGURATION_FILE = "platformconfiguratie.yaml"

# The most severe first. `todo` is the wizard's own: a required answer on a page the advisor has
# not left yet ("nog in te vullen"), shown before the notes (`info`).
SEVERITY_ORDER = {"error": 0, "warning": 1, "todo": 2, "info": 3}

# The wizard's helper process that makes the documents' pages (wizard/documents/page_process.py):
# the program started again with this flag. Not a command for users.
PAGE_WORKER_FLAG = "--pagina-maker"
