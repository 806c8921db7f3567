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


class EngineWarning:
    """Something the user should know about a run that still goes on (values left out, empty
    result), with a message meant for the user: translated like :class:`EngineError`."""

    def __init__(self, message: str, **values: object) -> None:
        self.message = message
        self.values = values

    def __str__(self) -> str:
        return self.message.format(**self.values) if self.values else self.message

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EngineWarning) and (self.message, self.values) == (
            other.message,
            other.values,
        )

    def __repr__(self) -> str:
        return f"EngineWarning({str(self)!r})"


def translatable(text: str) -> str:
    """Mark ``text`` (a literal) for translation where it is defined; the Processing layer
    translates it where it is shown (``tr(text)``), as gettext's ``N_`` does."""
    return text
