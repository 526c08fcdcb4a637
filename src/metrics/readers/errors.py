class ReadError(Exception):
    """A file we should be able to read but cannot; the message is shown to the user."""


class UnsupportedFile(ReadError):
    """A file of a type we do not read at all."""
