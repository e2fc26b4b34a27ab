package search

// The ranking model orders the candidate documents of a query by what
// they hold of it. Its features, each between 0 and 1, are measured on a
// document's candidate passages; its weights (rankweights.go) are learnt
// by go generate from the labelled questions of the shop sample
// (testdata/retrieval: the first three query sets and the section
// questions, never the fresh set nor another help centre's): a pairwise
// logistic model of an answering article against each other candidate
// in its language, with an L2 penalty, fitted by Newton's method from
// zero, so that the same data always gives the same weights
// (rankweights_test.go).
//
//go:generate go test -run ^TestRankWeightsUpToDate$ -update

// The features of a candidate document.
const (
	// featCover is the most of the query one of its passages holds.
	featCover = iota
	// featTitle and featLead are the shares of the query its title and
	// lead hold: what the document is about.
	featTitle
	featLead
	// featHead is the most of the query one of its headings holds.
	featHead
	// featFirstPass is its best passage's first-pass (BM25) score,
	// relative to the best candidate's.
	featFirstPass
	// featIntent is 1 when one of its headings promises the kind of
	// answer the question asks for (how, when, what it costs, how far
	// it has come).
	featIntent
	// featTwin is the most of the query a passage of one of its
	// versions in another language holds, the query read in that
	// language: customers mix English words into Danish, Malay and
	// Chinese, which the English version of an article holds.
	featTwin
	numFeatures
)

// featureNames name the features, for the weights file and tests.
var featureNames = [numFeatures]string{"cover", "title", "lead", "head", "first_pass", "intent", "twin"}

// docVector is the features of a candidate document.
type docVector [numFeatures]float64

// rankModel is a linear ranking model.
type rankModel struct {
	w docVector
}

// score is a document's score.
func (m rankModel) score(x docVector) float64 { return linear(m.w[:], x[:]) }

// linear is the score of a linear model with weights w of features x.
func linear(w, x []float64) float64 {
	s := 0.0
	for i := range w {
		s += w[i] * x[i]
	}
	return s
}

// builtinRanking is the model searches use.
var builtinRanking = rankModel{w: rankWeights}

// docVectors measures the features of every candidate document of a
// question, whose passages are measured.
func docVectors(ps []scored, qs *question) map[string]docVector {
	out := make(map[string]docVector, len(ps))
	top := 0.0
	for _, p := range ps {
		top = max(top, p.Score)
	}
	for _, p := range ps {
		x := out[p.DocID]
		x[featCover] = max(x[featCover], p.cover)
		x[featTitle] = max(x[featTitle], p.title)
		x[featLead] = max(x[featLead], p.lead)
		x[featHead] = max(x[featHead], p.head)
		if top > 0 {
			x[featFirstPass] = max(x[featFirstPass], p.Score/top)
		}
		if qs.asks&p.headIntent != 0 {
			x[featIntent] = 1
		}

		out[p.DocID] = x
	}
	twins(out, ps)
	return out
}

// twins sets each document's featTwin from the candidates that are its
// versions in another analysis family.
func twins(out map[string]docVector, ps []scored) {
	type version struct {
		fam   string
		cover float64
	}
	byArticle := map[string][]version{}
	keyOf := make(map[string]string, len(out))
	famOf := make(map[string]string, len(out))
	for _, p := range ps {
		if _, ok := keyOf[p.DocID]; ok {
			continue
		}
		k := twinID(p.DocID, p.Lang, "*")
		if k == p.DocID {
			continue // no language folder: no versions to tell
		}
		keyOf[p.DocID], famOf[p.DocID] = k, analysisKey(p.Lang)
		byArticle[k] = append(byArticle[k], version{famOf[p.DocID], out[p.DocID][featCover]})
	}
	for id, k := range keyOf {
		x := out[id]
		for _, v := range byArticle[k] {
			if v.fam != famOf[id] {
				x[featTwin] = max(x[featTwin], v.cover)
			}
		}
		out[id] = x
	}
}
