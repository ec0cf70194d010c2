"""The wizard's user interface (PySide6). See wizard.app for the start-up."""
