"""Adviesgesprek: the wizard for the social-media conversation with a new bewindspersoon."""

from wizard.paths import project_version

__version__ = project_version()
