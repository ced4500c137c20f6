"""Results: facts derived from a document's figures, stated the same way on every page.

The one counting rule for goals (explained for readers on Om data, docs/om-data.md):

- A document's **mål** are its main goals (the top-level `goals`). Each counts once, in the
  state compute.outcome gives it: opfyldt, delvist opfyldt, ikke opfyldt, målt uden mål (a
  figure is stated, no target is set) or ikke målt. A main goal with sub-goals is opfyldt when
  all of its measured sub-goals with a target are, delvist opfyldt when some are, ikke opfyldt
  when none are; when none of them has both a figure and a target, it is målt uden mål if any
  has a figure, else ikke målt.
- A follow-up ('seneste udvikling', after the year) is not counted.
- Its **delmål** are the sub-goals of its main goals, counted the same way, on their own.

Every place that says how many goals a document met (the revision's overview, the front page,
the jobcentre timeline, the year pages, the scorecard, open data) uses `summary` below, so
they all say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.kinds.revision import Goal
from generator.results import goals as compute

STATES: tuple[compute.State, ...] = ("met", "partly", "not_met", "no_target", "not_measured")


@dataclass(frozen=True)
class Counts:
    """Goals by state."""

    met: int = 0
    partly: int = 0
    not_met: int = 0
    not_measured: int = 0
    no_target: int = 0

    @property
    def total(self) -> int:
        return self.met + self.partly + self.not_met + self.not_measured + self.no_target

    @property
    def measured(self) -> int:
        """Goals with a figure, with or without a target."""
        return self.total - self.not_measured

    def as_dict(self) -> dict[str, int]:
        return {s: getattr(self, s) for s in STATES}

    def in_words(self) -> str:
        """'0 opfyldt, 1 delvist opfyldt og 2 ikke opfyldt' (states with no goal left out, but opfyldt)"""
        return _states(self)

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(**{s: getattr(self, s) + getattr(other, s) for s in STATES})

    @classmethod
    def of(cls, goals: list[Goal]) -> "Counts":
        states = [compute.outcome(g).state for g in goals]
        return cls(**{s: states.count(s) for s in STATES})


@dataclass(frozen=True)
class Summary:
    """How a document's goals came out: its main goals, and their sub-goals on their own."""

    goals: Counts
    subgoals: Counts

    def sentence(self) -> str:
        """'Af 4 mål er 0 opfyldt, 1 delvist opfyldt, 2 ikke opfyldt og 1 ikke målt. Af 7 delmål
        er 4 opfyldt og 3 ikke opfyldt.' (states with no goal are left out)"""
        out = f"Af {self.goals.total} mål er {_states(self.goals)}."
        if self.subgoals.total:
            out += f" Af {self.subgoals.total} delmål er {_states(self.subgoals)}."
        return out

    def headline(self) -> str:
        """One line for lists: '0 af 4 mål opfyldt (1 delvist, 1 ikke målt); 4 af 7 delmål opfyldt'"""
        out = f"{self.goals.met} af {self.goals.total} mål opfyldt" + _rest(self.goals)
        if self.subgoals.total:
            out += f"; {self.subgoals.met} af {self.subgoals.total} delmål opfyldt" + _rest(self.subgoals)
        return out


def _states(c: Counts) -> str:
    words = [f"{n} {count_word(s)}" for s in STATES if (n := getattr(c, s)) or s == "met"]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def count_word(state: str) -> str:
    """A state's words in a count ('2 målt uden mål'): as compute.STATE_WORDS, without commas,
    which would read as the list's own."""
    return compute.STATE_WORDS[state].replace(",", "")


def _rest(c: Counts) -> str:
    """The partly met, untargeted and unmeasured goals, in brackets: the rest were not met."""
    words = [f"{n} {w}" for n, w in ((c.partly, "delvist"), (c.no_target, "uden mål"), (c.not_measured, "ikke målt")) if n]
    return f" ({', '.join(words)})" if words else ""


@dataclass(frozen=True)
class Miss:
    """A goal that was not met, for the verdict: the goal, its label ('Mål 3', or 'Mål 4, delmål
    4B' for a sub-goal) and by how much it was missed (goals.shortfall; None when qualitative)."""

    label: str
    goal: Goal
    outcome: compute.Outcome
    by: float | None


def misses(goals: list[Goal]) -> list[Miss]:
    """The goals a verdict names as missed: each main goal that was not met and, of a main goal
    with sub-goals that was not met or partly met, each sub-goal that was not met. The counting
    itself stays `summary`'s."""
    out = []
    for g in goals:
        o = compute.outcome(g)
        if o.state not in ("not_met", "partly"):
            continue
        if not g.subgoals:
            out.append(Miss(g.shown_label, g, o, compute.shortfall(g, o)))
            continue
        for sub in g.subgoals:
            so = compute.outcome(sub)
            if so.state == "not_met":
                out.append(Miss(f"{g.shown_label}, delmål {sub.shown_label}", sub, so, compute.shortfall(sub, so)))
    return out


def summary(goals: list[Goal]) -> Summary:
    """The one counting rule (see the module's docstring)."""
    return Summary(goals=Counts.of(goals), subgoals=Counts.of([s for g in goals for s in g.subgoals]))
