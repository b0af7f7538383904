"""Dataset adapters; each module registers one or more datasets (discovered automatically)."""
