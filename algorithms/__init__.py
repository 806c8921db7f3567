"""Processing provider and algorithms of Territoire numérique (one module per algorithm)."""
