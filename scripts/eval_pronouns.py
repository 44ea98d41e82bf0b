"""Pronoun speakers resolved to the right person, saidwhat against two baselines (saidwhat.pronoun_eval).

python scripts/eval_pronouns.py [--gold ../shared/data/polnear/dev.jsonl]
    [--labels tests/data/pronoun_speakers.jsonl]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from saidwhat.errors import SaidwhatError
from saidwhat.pronoun_eval import evaluate_pronouns, table

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared/data/polnear/dev.jsonl"))
    ap.add_argument("--labels", default=str(ROOT / "tests/data/pronoun_speakers.jsonl"))
    args = ap.parse_args()
    if not Path(args.gold).exists():
        print(f"eval_pronouns: {args.gold} is absent (PolNeAR lives in ../shared/data)", file=sys.stderr)
        return 2
    try:
        scores = evaluate_pronouns(args.gold, args.labels)
    except (SaidwhatError, OSError) as exc:
        print(f"eval_pronouns: {exc}", file=sys.stderr)
        return 2
    print(table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
