"""Adviesgesprek: the wizard for the social-media conversation with a new bewindspersoon."""
