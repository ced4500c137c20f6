"""Data errors that name file, line and field, collected so all are reported at once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class DataIssue:
    file: str
    line: int | None
    field: str
    message: str
    severity: str = "error"  # "error" stops the build, "warning" is reported only

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        fld = f" {self.field}:" if self.field else ""
        return f"{where}:{fld} {self.message}"


@dataclass
class IssueLog:
    """Collects errors and warnings while loading; never raises by itself."""

    issues: list[DataIssue] = field(default_factory=list)

    def error(self, file: str, line: int | None, fld: str, message: str) -> None:
        self.issues.append(DataIssue(file, line, fld, message, "error"))

    def warn(self, file: str, line: int | None, fld: str, message: str) -> None:
        self.issues.append(DataIssue(file, line, fld, message, "warning"))

    @property
    def errors(self) -> list[DataIssue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[DataIssue]:
        return [i for i in self.issues if i.severity == "warning"]


class DataError(Exception):
    """Raised once loading is finished and errors were found; carries all of them."""

    def __init__(self, issues: list[DataIssue]):
        self.issues = sorted(issues)
        super().__init__(self.report())

    def __reduce__(self):  # pickled with its issues (pages are made in a second process)
        return type(self), (self.issues,)

    def report(self) -> str:
        from generator import messages

        head = messages.text("yaml.report_head", count=len(self.issues))
        return "\n".join([head, *(f"  {i}" for i in self.issues)])
