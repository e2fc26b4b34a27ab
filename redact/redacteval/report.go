package redacteval

// Report is the outcome of one evaluation.
type Report struct {
	Samples int     `json:"samples"`
	Beta    float64 `json:"beta"`
	// Total holds the token figures over all samples.
	Total Score `json:"total"`
	// Langs holds the same figures per "lang" metadata value, when the
	// samples have one.
	Langs []LangScore `json:"langs,omitempty"`
	// Types holds recall per gold entity type.
	Types []TypeScore `json:"types"`
	// Found holds precision per type of finding.
	Found []FoundScore `json:"found"`
	// Leaks are the gold spans of class PII not wholly found.
	Leaks []Leak `json:"leaks"`
	// Spurious are the findings that touch no gold span of class PII or
	// Ignore.
	Spurious []Spurious `json:"spurious"`
}

// Score holds token-level figures, type-agnostic.
type Score struct {
	Samples        int     `json:"samples"`
	TruePositives  int     `json:"true_positives"`
	FalsePositives int     `json:"false_positives"`
	FalseNegatives int     `json:"false_negatives"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F              float64 `json:"f"`
	// SpuriousSpans counts findings that touch no personal data, and
	// SpuriousPer20 scales that to 20 samples.
	SpuriousSpans int     `json:"spurious_spans"`
	SpuriousPer20 float64 `json:"spurious_per_20_samples"`
	SpuriousPer50 float64 `json:"spurious_per_50_samples"`
}

// LangScore is Score for the samples of one language.
type LangScore struct {
	Lang string `json:"lang"`
	Score
	// Types and Found are the recall per gold type and the precision per
	// type of finding, within the language.
	Types []TypeScore  `json:"types"`
	Found []FoundScore `json:"found"`
}

// FoundScore says how many findings of one type were right.
type FoundScore struct {
	Type     string `json:"type"`
	Findings int    `json:"findings"`
	// Matched counts the findings that touch a gold span of the same
	// kind (a PHONE finding on a PHONE_NUMBER span, an ADDRESS finding on
	// a LOCATION span), and Precision is Matched over Findings.
	Matched   int     `json:"matched"`
	Precision float64 `json:"precision"`
	// Spurious counts the findings that touch no personal data at all,
	// and SpuriousPer50 scales that to 50 samples.
	Spurious      int     `json:"spurious"`
	SpuriousPer50 float64 `json:"spurious_per_50_samples"`
}

// TypeScore says how much of one gold type was found.
type TypeScore struct {
	Type        string  `json:"type"`
	Class       Class   `json:"class"`
	Spans       int     `json:"spans"`
	SpansFound  int     `json:"spans_found"`
	SpanRecall  float64 `json:"span_recall"`
	Tokens      int     `json:"tokens"`
	TokensFound int     `json:"tokens_found"`
	TokenRecall float64 `json:"token_recall"`
}

// Leak is a gold span some of whose words were not found.
type Leak struct {
	Sample int    `json:"sample"`
	Type   string `json:"type"`
	Value  string `json:"value"`
	// Missed lists the words left in clear.
	Missed string `json:"missed"`
}

// Spurious is a finding on text that is not personal data.
type Spurious struct {
	Sample int    `json:"sample"`
	Type   string `json:"type"`
	Value  string `json:"value"`
}
