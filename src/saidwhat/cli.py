"""The `saidwhat` command: a thin click shell over the Python API.

Subcommands live in their own modules and are imported only when invoked, so `saidwhat --help` never
pays for spaCy. Every `SaidwhatError` and usage error ends as one line on stderr and exit code 2.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from saidwhat import __version__
from saidwhat.errors import SaidwhatError

# name -> ("module:attribute", one-line help shown by `saidwhat --help` without importing the module)
COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("saidwhat.cli_extract:extract", "Find quotes and their speakers in text, HTML or JSONL."),
    "eval": ("saidwhat.cli_eval:eval_command", "Score saidwhat (and a baseline) against gold JSONL."),
    "ingest": ("saidwhat.cli_corpus:ingest", "Extract quotes from files and store them in a corpus."),
    "search": ("saidwhat.cli_corpus:search", "Full-text search over the stored quotes."),
    "quote": ("saidwhat.cli_corpus:quote", "Show a quote's cluster: first appearance, timeline, variants."),
    "variants": ("saidwhat.cli_corpus:variants", "List quote clusters whose appearances were altered."),
    "speakers": ("saidwhat.cli_corpus:speakers", "List the speakers in a corpus."),
    "export": ("saidwhat.cli_corpus:export", "Export the stored quotes as JSONL, CSV or Parquet."),
    "stats": ("saidwhat.cli_corpus:stats", "Count articles, quotes, speakers, clusters and failures."),
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module only when that subcommand runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in COMMANDS:
            return None
        target, short_help = COMMANDS[cmd_name]
        if ctx.resilient_parsing or "--help" in sys.argv[1:2]:
            # `saidwhat --help` lists commands: a placeholder keeps it instant.
            return click.Command(cmd_name, short_help=short_help, help=short_help)
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("saidwhat"):
                raise click.UsageError(f"command {cmd_name!r} is not available in this build") from exc
            raise
        command: click.Command = getattr(module, attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="saidwhat")
def cli() -> None:
    """saidwhat: who said what in news articles, where it was first reported, how it changed since."""


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: one line on stderr and exit 2 for every expected failure."""
    args = sys.argv[1:] if argv is None else argv
    if "--accurate" not in args:
        from saidwhat.parse import keep_torch_out

        keep_torch_out()
    try:
        return cli.main(args=argv, prog_name="saidwhat", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("saidwhat: error: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"saidwhat: error: {exc.format_message()}", err=True)
        sys.exit(2)
    except SaidwhatError as exc:
        click.echo(f"saidwhat: error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("saidwhat: error: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
