// Package redacteval measures a redactor against labelled text.
//
// The gold format is the one of presidio-research's generated data sets: a
// JSON array of samples, each with its full_text and spans (entity_type,
// entity_value, start_position, end_position), where positions count code
// points, not bytes. Load also reads the markup format: JSON Lines of
// {"id", "lang", "kind", "text"} where the personal data is marked inline
// as [[TYPE|value]] (see LoadMarkup); the two are told apart by their
// first character.
//
// Scoring follows presidio-evaluator's token-level "PII" figures: both texts
// are cut into the same tokens, a token is personal data in the gold when a
// counted span covers it and predicted when any finding covers it, whatever
// the types. Precision, recall and F-beta (beta 2 by default, so recall
// weighs four times as much as precision) are computed over all tokens of
// all samples. Function words and punctuation (the skip words) are not held
// against either side when gold and prediction disagree on them.
//
// Besides the token figures the report gives, per gold type, the share of
// tokens and of whole spans found, the spans that leaked (not every token
// covered), and the findings that touch no gold span at all; per type of
// finding, the share that touch a gold span of the same kind (precision)
// and the spurious ones per 50 samples; and all of it per language.
package redacteval
