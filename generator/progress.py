"""A long build's progress in its output: documents loaded, pages made, charts rendered.

Lines go to MkDocs' log at INFO under the plugin's logger, so `mkdocs build` prints them as
"INFO    -  Data: ..." (and `--strict` does not count them); the command-line tools set up no
handler for INFO, so `validate` stays quiet. Each stage says what it did once, when it ends
(`done`); a long stage also says how far it is, at most every INTERVAL seconds while it runs
(`Progress.step`), so a national build is never silent for long. The texts are Danish, in
messages.py (BUILD), as every text staff see.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from generator import messages

log = logging.getLogger("mkdocs.plugins.jobcentres")
INTERVAL = 10.0  # seconds between a running stage's lines


def done(key: str, **slots: object) -> None:
    """The line that ends a stage: the message `key` (build.*) with its counts."""
    log.info(messages.text(key, **slots))


class Progress:
    """A stage of `total` steps: `step` after each; every INTERVAL seconds (by `clock`) it logs
    the message `key` with {done} and {total}. A stage shorter than INTERVAL logs nothing."""

    def __init__(self, key: str, total: int, clock: Callable[[], float] = time.monotonic):
        self.key, self.total, self.done, self.clock = key, total, 0, clock
        self.last = clock()

    def step(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= INTERVAL:
            self.last = now
            log.info(messages.text(self.key, done=self.done, total=self.total))
