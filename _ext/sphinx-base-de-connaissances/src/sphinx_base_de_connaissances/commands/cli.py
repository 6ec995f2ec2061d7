"""The commands' argument parser, in French: its help, and its errors as one French line
(``base-de-connaissances new : …``) with no English prefix, exit status 2 as argparse's."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import NoReturn

PROGRAM = "base-de-connaissances"
# argparse's own messages (Python 3.11 to 3.13), said in French.
_MESSAGES = (
    (r"the following arguments are required: (.*)", r"il manque : \1"),
    (r"unrecognized arguments: (.*)", r"arguments inconnus : \1"),
    (r"argument (\S+): expected one argument", r"\1 attend une valeur"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"\1 : \2 inconnu ; au choix : \3",
    ),
    (r"argument (\S+): ambiguous option: (.*)", r"\1 : option ambiguë (\2)"),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"\1 : valeur \3 refusée"),
    (r"argument (\S+): (.*)", r"\1 : \2"),
)


class FrenchHelp(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix or "utilisation : ")


class Parser(argparse.ArgumentParser):
    """argparse, French from end to end."""

    def __init__(self, command: str, description: str) -> None:
        super().__init__(
            prog=f"{PROGRAM} {command}",
            description=description,
            formatter_class=FrenchHelp,
            add_help=False,
        )
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--aide", "--help", action="help", help="affiche cette aide")

    def error(self, message: str) -> NoReturn:
        for english, french in _MESSAGES:
            if re.fullmatch(english, message, flags=re.DOTALL):
                message = re.sub(english, french, message, flags=re.DOTALL)
                break
        print(f"{self.prog} : {message}", file=sys.stderr)
        sys.exit(2)
