"""Errors the engine raises for bad input; the Processing layer turns them into messages."""


class EngineError(ValueError):
    """Invalid input or impossible request, with a message meant for the user (English source).

    ``message`` is an English sentence with ``{placeholders}``; ``values`` fills them.  The
    Processing layer translates ``message`` before formatting, so the user reads it in French.
    """

    def __init__(self, message: str, **values: object) -> None:
        self.message = message
        self.values = values
        super().__init__(message.format(**values) if values else message)


class Cancelled(RuntimeError):
    """The user cancelled the run."""


class Message(str):
    """A log or progress line for the user: English source with ``{placeholders}``, shown in
    English where it is printed as is, translated by the Processing layer (``translated``)."""

    message: str
    values: dict[str, object]

    def __new__(cls, message: str, **values: object) -> "Message":
        text = super().__new__(cls, message.format(**values) if values else message)
        text.message = message
        text.values = values
        return text
