"""The evidence layer: dated, attributed claims cited to leaves, the conflicts
between them shown side by side, and timelines. Pure: never touches the store."""
