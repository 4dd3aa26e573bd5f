"""What is wrong in an archive file: the one fault type of ``khabar verify`` and ``khabar replay``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fault:
    """A problem in a stored file, where it is, and what happens or what to do about it."""

    file: str
    """The store key or path of the file (``… line N`` for a line of a record file)."""
    offset: int | None
    """Byte offset of the bad bytes or record in the file; None when it is about the file or a line."""
    what: str
    """What is wrong, with the numbers seen (``truncated gzip member``, ``digest mismatch: … recorded``)."""
    next_step: str = ""
    """What follows from it or what to do (``records from offset N on are served``); may be empty."""

    def __str__(self) -> str:
        where = self.file if self.offset is None else f"{self.file} @ offset {self.offset}"
        return f"{where}: {self.what}" + (f"; {self.next_step}" if self.next_step else "")
