"""Put a faster equivalent in place of one of the model's components, under the component's own name."""

from __future__ import annotations

from spacy.language import Language


def swap_pipe(nlp: Language, name: str, factory: str) -> None:
    """Add ``factory`` right after the pipe ``name`` (its factory reads that pipe's rules or tables), then
    remove the original and give the new pipe its name, so the pipeline reads as the model's own."""
    temporary = f"herald_{name}"
    nlp.add_pipe(factory, name=temporary, after=name)
    nlp.remove_pipe(name)
    nlp.rename_pipe(temporary, name)
