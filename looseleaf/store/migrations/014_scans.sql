-- Scanned pages (issue 16): the page image is the leaf's original, kept
-- byte for byte beside the text OCR read on it, with each word's box and
-- confidence, the languages asked for, the script Tesseract saw and what it
-- could not vouch for. A reading done again keeps the earlier one.

CREATE TABLE leaf_images (
    leaf_id BIGINT PRIMARY KEY REFERENCES leaves (id),
    media_type TEXT NOT NULL,
    image {blob} NOT NULL,
    sha256 TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL
);

CREATE TABLE leaf_readings (
    id {pk},
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    languages TEXT NOT NULL,
    confidence REAL,
    script TEXT,
    words TEXT NOT NULL,
    warnings TEXT NOT NULL,
    text TEXT NOT NULL,
    read_at TEXT NOT NULL
);

CREATE INDEX leaf_readings_by_leaf ON leaf_readings (leaf_id, id);
