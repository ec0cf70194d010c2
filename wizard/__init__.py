"""Adviesgesprek: the wizard for the social-media conversation with a new bewindspersoon."""


def __getattr__(name: str) -> str:
    """`wizard.__version__`, read only when asked for (it costs a file read at start-up)."""
    if name == "__version__":
        from wizard.paths import project_version

        return project_version()
    raise AttributeError(name)
