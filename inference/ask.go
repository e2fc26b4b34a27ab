package inference

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/inference/catalog"
	"github.com/hushdesk/hushdesk/inference/courtesy"
	"github.com/hushdesk/hushdesk/inference/decision"
	"github.com/hushdesk/hushdesk/inference/lang"
	"github.com/hushdesk/hushdesk/inference/triage"
	"github.com/hushdesk/hushdesk/redact"
	"github.com/hushdesk/hushdesk/retrieval/search"
)

// Stream receives an answer as it is made: Meta once, when the decision and
// sources are known, then Token for each piece of the answer text.
type Stream struct {
	Meta  func(Reply) error
	Token func(text string) error
}

// message is one customer message on its way through: the decision being
// built, and what it is read with.
type message struct {
	d      Decision
	conv   *conversation
	thread thread
	// question is what is searched and triaged: the message without its
	// courtesy ("hi, how do I ..." is "how do I ...").
	question string
	sure     bool // the message told its language
	start    time.Time
	// mappedBefore is how many values the conversation's placeholder
	// mapping held before the message: what it adds is kept with it.
	mappedBefore int
	// recent are the last turns as the model is sent them, and
	// recentIDs the messages they came from.
	recent    []Message
	recentIDs []string
}

// Ask takes a question through the whole flow (redact, read the
// conversation, retrieve, decide, answer) and returns the reply once the
// decision is recorded in the audit log. stream may be nil.
func (a *Assistant) Ask(ctx context.Context, q Question, stream *Stream) (Reply, error) {
	start := a.opts.Now()
	text, err := validate(q, a.opts.MaxQuestionChars)
	if err != nil {
		return Reply{}, err
	}
	if q.ConversationID == "" {
		q.ConversationID = NewConversationID()
	}
	conv := a.convs.get(q.ConversationID)
	conv.mu.Lock() // one message of a conversation at a time
	defer conv.mu.Unlock()
	ref := a.parts.Recorder.ConversationRef(q.ConversationID)
	th, err := a.read(ctx, conv, ref)
	if err != nil {
		return Reply{}, err
	}
	mapped := conv.placeholders.Len()
	red := a.redact(ctx, text, conv.placeholders)
	m := &message{conv: conv, thread: th, start: start, mappedBefore: mapped, d: Decision{
		ConversationID: q.ConversationID,
		Conversation:   ref,
		MessageID:      NewMessageID(),
		Question:       red,
		Generator:      GeneratorInfo{Mode: ModeExtractive},
		Outcome:        "ok",
		PromptVersion:  PromptVersion,
		TriageVersion:  a.parts.Triage.Version(),
		Thresholds:     map[string]float64{"min_confidence": a.opts.MinConfidence, "tentative_confidence": tentativeShare * a.opts.MinConfidence},
		Scores:         map[string]float64{},
	}}
	if q.Subject != "" {
		m.d.Subject = a.parts.Recorder.SubjectPseudonym(q.Subject)
	}
	hint := q.Language
	if t, ok := th.last(); ok && !hint.Known() {
		hint = t.lang // the conversation's language is the hint
	}
	m.d.Lang, m.sure = lang.Choose(hint, red.Text)
	m.recent, m.recentIDs = th.recent()
	return a.respond(ctx, m, stream)
}

// read reads the conversation so far from the log: its turns, and the
// placeholders its messages added, so that a restart (or another replica)
// goes on where it stopped.
func (a *Assistant) read(ctx context.Context, conv *conversation, ref string) (thread, error) {
	if a.parts.History == nil {
		return nil, nil
	}
	evs, err := a.parts.History.Conversation(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("read conversation: %w", err)
	}
	conv.sync(evs)
	return threadOf(evs), nil
}

// respond decides what to do with the message and does it.
func (a *Assistant) respond(ctx context.Context, m *message, stream *Stream) (Reply, error) {
	d := &m.d
	if a.parts.Handoffs != nil {
		if _, taken, err := a.parts.Handoffs.ActiveHandoff(ctx, d.Conversation); err != nil {
			return Reply{}, fmt.Errorf("read hand-off: %w", err)
		} else if taken {
			// A person has this conversation: the message joins the
			// hand-off and the assistant stays quiet.
			d.Kind, d.Reason = decision.Handoff, decision.AwaitingPerson
			return a.finish(ctx, m, stream)
		}
	}
	offer := m.thread.offerPending()
	reading := courtesy.Read(d.Question.Text, d.Lang, offer)
	if r := courtesy.Read(d.Question.Text, d.Lang, true); !offer && m.thread.answeredLast() && r.Only() {
		// After an answer, a message that is nothing but a yes or a no
		// ("no thanks", "不用了", "ok la") replies to whether it helped;
		// within a question the same words ask ("ada yg lagi cepat x").
		reading = r
		if m.thread.tentativeLast() {
			// A tentative answer offered a person: "yes please" or "go
			// ahead" takes it, "no thanks" declines it, but "ok" or "ok
			// thanks", courtesy in their own right, say it helped.
			offer = r.Reply() == courtesy.No || r.Reply() == courtesy.Yes && (r.Consent || !courtesy.Read(d.Question.Text, d.Lang, false).Only()) &&
				!saysItHelped(r, d.Question.Text, d.Lang)
		}
	} else if !offer && m.thread.answeredLast() && replyFirst(r) && remark(r.Rest, d.Lang) && !asksInForm(d.Question.Text) &&
		(m.thread.tentativeLast() && !saysItHelped(r, d.Question.Text, d.Lang) || r.Opening == courtesy.No) {
		// "nah its fine ill check the box", "ok yeah put me through":
		// a yes or a no to the offer, with a remark that asks nothing.
		// After an answer the assistant was sure of, it offered nothing
		// to say yes to, but "no thanks, I'll look it up on maps" still
		// declines more help, whatever the remark names.
		reading, offer = r, true
	}
	// A yes or a no to the offer, then a remark that asks nothing ("nej
	// tak, jeg finder ud af det selv", "不用了 我自己查", "好啊 转一下吧"),
	// is the reply, whatever the remark names.
	offerReply := offer && replyFirst(reading) && remark(reading.Rest, d.Lang) && !asksInForm(d.Question.Text)
	m.question = d.Question.Text
	if len(reading.Kinds) > 0 && !reading.Only() {
		m.question = reading.Rest // "hi, how do I return a sofa?" asks how to return a sofa
	}
	// Courtesy and nothing else said: "thanks, that's all I needed",
	// "ok great, appreciate it". What follows the courtesy names no topic
	// and no trouble.
	onlyCourtesy := reading.Only() || len(reading.Kinds) > 0 && !namesTopic(m.question, d.Lang) && !troubled(m.question, d.Lang) &&
		!strings.ContainsAny(m.question, "?？") && search.AnswersKind(m.question, "") && !announcesTopic(m.question, d.Lang) ||
		farewell(reading, m.question, d.Lang)
	switch {
	case offer && reading.Reply() == courtesy.Yes && (onlyCourtesy || offerReply):
		// "Yes please" to "Would you like to talk to a person?".
		d.Kind, d.Reason = decision.Handoff, decision.OfferAccepted
		d.Answer = catalog.Text(d.Lang, catalog.Handoff(decision.PersonRequested))
		d.Team = a.parts.Triage.Route(m.question, a.topicHints(m.thread))
		return a.finish(ctx, m, stream)
	case offer && reading.Reply() == courtesy.No && (onlyCourtesy || offerReply && !a.asksForPerson(reading.Rest, d.Lang)):
		d.Kind, d.Reason = decision.Answer, decision.OfferDeclined
		d.Answer = catalog.Text(d.Lang, catalog.OfferDeclined)
		return a.finish(ctx, m, stream)
	case onlyCourtesy:
		if h, triggered := a.parts.Triage.Choose(phrased(a.parts.Triage.Classify(d.Question.Text, d.Lang)), d.Question.Text, a.topicHints(m.thread)); triggered {
			a.triaged(ctx, m, h)
			return a.finish(ctx, m, stream)
		}
		d.Kind, d.Reason = decision.Answer, decision.Smalltalk
		switch {
		case reading.Main() != courtesy.None:
			d.Answer = catalog.Text(d.Lang, catalog.Smalltalk(reading.Main().String()))
		case reading.First() == courtesy.No:
			// "no thanks" to nothing the assistant offered: fine, what else?
			d.Answer = catalog.Text(d.Lang, catalog.OfferDeclined)
		default:
			d.Answer = catalog.Text(d.Lang, catalog.Smalltalk(courtesy.Ack.String()))
		}
		return a.finish(ctx, m, stream)
	}
	_, hasTopic := m.thread.topic()
	if !m.thread.held() && (vague(m.question, d.Lang) || !hasTopic && aboutNothing(m.question, d.Lang) || announcesTopic(m.question, d.Lang)) {
		// A message this short and general gives the learned model too
		// little to go on ("noget er gaaet galt" is no anger): a phrase
		// must say it.
		if h, triggered := a.parts.Triage.Choose(phrased(a.parts.Triage.Classify(d.Question.Text, d.Lang)), d.Question.Text, a.topicHints(m.thread)); triggered {
			a.triaged(ctx, m, h)
			return a.finish(ctx, m, stream)
		}
		// The suggestions are in the conversation's language, whatever
		// the few words of the message seem to be.
		res, err := a.parts.Retriever.Search(ctx, search.Query{Text: redact.RemovePlaceholders(m.question), Lang: d.Lang, K: 2 * maxSuggestions})
		if err != nil {
			res = search.Result{}
		}
		askBack(d, res, decision.Vague)
		return a.finish(ctx, m, stream)
	}
	if !m.thread.held() && !hasTopic && (problemWithOne(m.question, d.Lang) || bareTopic(m.question, d.Lang)) {
		// "Something is wrong with my payment": the article is plain,
		// the problem is not. Which one, among its sections?
		if sections := a.sectionsOfSure(ctx, m); len(sections) >= 2 {
			if h, triggered := a.parts.Triage.Choose(a.parts.Triage.Classify(d.Question.Text, d.Lang), d.Question.Text, docHints(sections)); triggered {
				a.triaged(ctx, m, h)
				return a.finish(ctx, m, stream)
			}
			askBackSections(d, sections, decision.Vague)
			return a.finish(ctx, m, stream)
		}
	}
	// The searches of one message (several for a follow-up) share the
	// analysis of the texts they search, which they would otherwise
	// repeat.
	res, err := a.search(search.WithAnalysisMemo(ctx), m)
	if err != nil {
		// A question the search cannot take (a malformed query) is not
		// the customer's failure to be punished with a 500: abstain.
		a.log.Warn("search failed; abstaining", "err", err)
		d.Kind, d.Reason = decision.Abstain, decision.SearchFailed
		d.Answer = catalog.Text(d.Lang, catalog.Abstain)
		return a.finish(ctx, m, stream)
	}
	a.decide(ctx, m, res)
	if d.Kind != decision.Answer {
		return a.finish(ctx, m, stream)
	}
	g, err := a.generate(ctx, m, stream)
	m.d = g.apply(*d)
	if err != nil {
		return Reply{}, a.gone(ctx, m, err)
	}
	return a.record(ctx, m)
}

// OutcomeClientGone is the outcome of a decision whose customer went away
// before the reply was complete.
const OutcomeClientGone = "client_gone"

// gone records the decision of a customer who went away before their
// reply was complete (what they were shown, if anything, with it), so the
// log holds every decision; it returns err, why the reply could not be
// completed.
func (a *Assistant) gone(ctx context.Context, m *message, err error) error {
	m.d.Outcome = OutcomeClientGone
	if _, rerr := a.record(context.WithoutCancel(ctx), m); rerr != nil {
		a.log.Warn("record the decision of a customer who went away", "err", rerr)
	}
	return err
}

// search finds the passages for the message: alone when it stands alone;
// when it leans on the turn before, the article is found with what the
// conversation is about (preferring the article already in play), and the
// section within it with the message's own words.
func (a *Assistant) search(ctx context.Context, m *message) (search.Result, error) {
	d := &m.d
	alone := search.Query{Text: redact.RemovePlaceholders(m.question), K: a.opts.Passages}
	if m.sure {
		alone.Lang = d.Lang
	}
	about, hasTopic := m.thread.topic()
	if hasTopic && a.modelAvailable() {
		// With a model, the model writes the standalone question from
		// the recent turns, and that is what is searched.
		q, why := a.condense(ctx, m, m.recent)
		if why == "" {
			query := alone
			query.Text, query.K = redact.RemovePlaceholders(q), a.opts.Passages
			r, err := a.parts.Retriever.Search(ctx, query)
			if err != nil {
				return r, err
			}
			if r.Confidence >= a.opts.MinConfidence {
				r = inPlay(r, docsOf(about))
				d.Standalone, d.Context, d.StandaloneBy = q, m.recentIDs, StandaloneByModel
				a.searched(m, r)
				return r, nil
			}
			// What the model wrote finds nothing the knowledge base is
			// sure of: the rules' question may do better.
			why = condenseNotFound
		}
		d.CondenseFallback = why
	}
	// "btw kalau nk padam akaun camne": a message that says it turns to
	// something new asks on its own, whatever it points back with.
	switched := hasTopic && switchesTopic(m.question, d.Lang)
	dependent := hasTopic && !switched && dependsOnEarlier(m.question, d.Lang)
	// In a conversation about something, a message asks about part of
	// it, unless it says it turns to something new.
	alone.Continues = hasTopic && !switched
	// namesInPlay: what the message names beyond the words of asking
	// points to the article in play ("調查要幾耐" of a late parcel: the
	// investigation is the late parcel's).
	namesInPlay := false
	if hasTopic && !dependent && !switched {
		// It names something, but what it names beyond the words of
		// asking points nowhere the knowledge base is sure of ("how long
		// do I have to tell you", "brp lama kena tunggu"): it goes on
		// with the topic in play.
		if rest := withoutAsking(m.question, d.Lang); rest != "" {
			named, err := a.parts.Retriever.Search(ctx, search.Query{Text: rest, Lang: alone.Lang, K: 1})
			if err != nil {
				return named, err
			}
			dependent = named.Confidence < a.opts.MinConfidence
			namesInPlay = len(named.Passages) > 0 && len(about.sources) > 0 && named.Passages[0].DocID == about.sources[0].DocID
		}
	}
	res, err := a.parts.Retriever.Search(ctx, alone)
	if err != nil {
		return res, err
	}
	if c, ok := m.thread.clarifiedLast(); ok && !hasTopic && c.question != "" {
		// The reply to "what about it?" says what the vague message
		// meant: read together ("I want to change something", "the
		// address on my order"), they ask one question.
		joint := alone
		joint.Text = redact.RemovePlaceholders(m.question + " " + c.question)
		r, err := a.parts.Retriever.Search(ctx, joint)
		if err != nil {
			return r, err
		}
		if len(r.Passages) > 0 && (r.Confidence >= res.Confidence || r.Confidence >= a.opts.MinConfidence) {
			d.Standalone, d.Context, d.StandaloneBy = joint.Text, []string{c.message}, StandaloneByRules
			a.searched(m, r)
			return r, nil
		}
	}
	if !hasTopic || (!dependent && res.Confidence >= a.opts.MinConfidence) {
		if hasTopic && !switched && len(res.Passages) > 0 && len(about.sources) > 0 && res.Passages[0].DocID != about.sources[0].DocID {
			// A message that stands alone, in a conversation about
			// something: the article in play answers it when it holds
			// the message nearly as well as the whole knowledge base
			// ("hvor lang tid er jeg dækket" of a warranty claim). The
			// article in play is the one the last answer came from,
			// not one it also cited: "how long will the investigation
			// take" of a late parcel asks about the carrier's
			// investigation, not about the delivery times cited beside it.
			within, err := a.parts.Retriever.Search(ctx, search.Query{Text: alone.Text, Lang: m.d.Lang, K: sectionsInPlay, Within: []string{about.sources[0].DocID}})
			if err != nil {
				return within, err
			}
			// The whole knowledge base's confidence may rest on the words
			// of asking alone ("how long" finds delivery times): when what
			// the message names points to the article in play, the
			// article keeps it.
			if (namesInPlay || within.Confidence >= stayShare*res.Confidence) && within.Confidence >= a.opts.MinConfidence {
				r := sectionInPlay(within, within, about, a.opts.Passages)
				d.Standalone, d.Context, d.StandaloneBy = m.question, []string{about.message}, StandaloneByRules
				a.searched(m, r)
				return r, nil
			}
		}
		a.searched(m, res)
		return res, nil
	}
	// A follow-up: search it with what the conversation is about.
	standalone := standaloneQuery(m.question, about)
	joint := alone
	joint.Text, joint.Continues = redact.RemovePlaceholders(standalone), true
	r, err := a.parts.Retriever.Search(ctx, joint)
	if err != nil {
		return r, err
	}
	if !dependent {
		if r.Confidence <= res.Confidence {
			a.searched(m, res) // the topic did not help: the message alone
			return res, nil
		}
		r = inPlay(r, docsOf(about))
	} else {
		stay, within, err := a.staysInPlay(ctx, m, res, about)
		if err != nil {
			return r, err
		}
		if !stay {
			// It names what the article in play does not hold: a new topic.
			a.searched(m, res)
			return res, nil
		}
		r = sectionInPlay(r, within, about, a.opts.Passages)
		r.Confidence = max(r.Confidence, within.Confidence)
		if !namesTopic(m.question, d.Lang) {
			// It asks only what kind of answer it wants ("anything
			// faster?"): the topic's own confidence carries it.
			r.Confidence = max(r.Confidence, about.confidence)
		}
	}
	d.Standalone, d.Context, d.StandaloneBy = standalone, []string{about.message}, StandaloneByRules
	a.searched(m, r)
	return r, nil
}

// staysInPlay decides whether a follow-up that leans on the turn before
// stays with the article that turn was answered from: it does when it
// names nothing of its own ("how long have I got?", "kan det gå
// hurtigere", "周日呢"), or when the article holds what it names about as
// well as the whole knowledge base does. It returns the search of the
// message within the article.
func (a *Assistant) staysInPlay(ctx context.Context, m *message, alone search.Result, about turn) (bool, search.Result, error) {
	if len(about.sources) == 0 {
		return false, search.Result{}, nil
	}
	own := search.Query{Text: redact.RemovePlaceholders(m.question), Lang: m.d.Lang, K: sectionsInPlay, Within: []string{about.sources[0].DocID}}
	within, err := a.parts.Retriever.Search(ctx, own)
	if err != nil {
		return false, within, err
	}
	switch {
	case !namesTopic(m.question, m.d.Lang):
		return true, within, nil
	}
	// What the message names beyond the words of asking: when that alone
	// points nowhere the knowledge base is sure of, or to the article in
	// play, it is no new topic ("要影咩相", "anything faster than that?").
	var named search.Result
	if rest := withoutAsking(m.question, m.d.Lang); rest != "" {
		named, err = a.parts.Retriever.Search(ctx, search.Query{Text: rest, Lang: m.d.Lang, K: 1})
		if err != nil {
			return false, within, err
		}
		if named.Confidence < a.opts.MinConfidence || len(named.Passages) > 0 && named.Passages[0].DocID == about.sources[0].DocID {
			return true, within, nil
		}
	}
	if answeredElsewhere(m.question, within, alone, named, about.sources[0].DocID) {
		// "and when will I see the money?" after the cost of a return:
		// the section of the article in play says no time, the refunds
		// article, which the money points to, does.
		return false, within, nil
	}
	switch {
	case pointsBack(m.question, m.d.Lang):
		// "can I use it in the showroom?": it is the topic in play, so the
		// article keeps it when it holds the rest half as well as the
		// knowledge base does ("der står min konto er spærret" points at
		// nothing: "der" is everywhere in Danish).
		return within.Confidence >= pointStayShare*alone.Confidence, within, nil
	}
	return within.Confidence >= stayShare*alone.Confidence, within, nil
}

// answeredElsewhere reports whether the kind of answer a follow-up that
// names a topic asks for (a time, an amount of money) is not in the
// section of the article in play that would answer it but is in the
// knowledge base's best passage, from another article: the one the words
// the message names point to.
func answeredElsewhere(question string, within, alone, named search.Result, doc string) bool {
	if len(alone.Passages) == 0 || alone.Passages[0].DocID == doc || !search.AnswersKind(question, alone.Passages[0].Text) ||
		len(named.Passages) == 0 || named.Passages[0].DocID != alone.Passages[0].DocID {
		return false
	}
	for _, p := range within.Passages {
		if p.Heading != "" { // the section sectionInPlay picks
			return !search.AnswersKind(question, p.Text)
		}
	}
	return false
}

// stayShare is how much of the whole knowledge base's confidence the
// article in play must reach on a follow-up's own words to keep it;
// pointStayShare the same for a follow-up that points back to it.
const (
	stayShare      = 0.75
	pointStayShare = 0.5
)

// sectionInPlay puts first the section of the article in play that
// answers a follow-up: the message's own words searched within the
// article pick it, a section before the article's lead. The article's
// other passages follow, then the rest of the joint search's.
func sectionInPlay(joint, within search.Result, about turn, n int) search.Result {
	doc := about.sources[0].DocID
	var cands []search.Passage
	seen := map[string]bool{}
	for _, ps := range [][]search.Passage{within.Passages, joint.Passages} {
		for _, p := range ps {
			if p.DocID == doc && !seen[p.ChunkID] {
				seen[p.ChunkID] = true
				cands = append(cands, p)
			}
		}
	}
	if len(cands) == 0 {
		return joint
	}
	// The first candidate that is not the article's lead: a follow-up
	// asks something more particular than the introduction, which says a
	// little of everything. The section just answered is a candidate like
	// any other: a follow-up asks about it as often as not ("and on
	// Saturdays?" of opening hours; 54 of 143 labelled follow-ups that stay
	// in their article).
	pick := 0
	for i, p := range cands {
		if p.Heading != "" {
			pick = i
			break
		}
	}
	out := []search.Passage{cands[pick]}
	for i, p := range cands {
		if i != pick {
			out = append(out, p)
		}
	}
	for _, p := range joint.Passages {
		if p.DocID != doc {
			out = append(out, p)
		}
	}
	joint.Passages = trimPassages(out, n)
	return joint
}

// sectionsInPlay is how many of the article's passages a follow-up's
// search within it considers.
const sectionsInPlay = 8

func trimPassages(ps []search.Passage, n int) []search.Passage {
	if len(ps) > n {
		return ps[:n]
	}
	return ps
}

// modelAvailable reports whether a model is configured and answering.
func (a *Assistant) modelAvailable() bool {
	return a.parts.Generator != nil && a.parts.Generator.Model().Available
}

// trim keeps the first n passages.
func trim(res search.Result, n int) search.Result {
	if len(res.Passages) > n {
		res.Passages = res.Passages[:n]
	}
	return res
}

// searched notes what a search found in the decision.
func (a *Assistant) searched(m *message, res search.Result) {
	if !m.sure && res.Lang.Known() {
		m.d.Lang = res.Lang
	}
	m.d.Scores["retrieval_confidence"] = res.Confidence
}

func docsOf(t turn) map[string]bool {
	out := map[string]bool{}
	for _, s := range t.sources {
		out[s.DocID] = true
	}
	return out
}

// topicHints are the ids of the articles the conversation was about, which
// route a hand-off.
func (a *Assistant) topicHints(th thread) []string {
	t, ok := th.topic()
	if !ok {
		return nil
	}
	var out []string
	for _, s := range t.sources {
		out = append(out, s.DocID)
	}
	return out
}

// decide takes the decision from the search result and the hand-off
// triage: a person takes over when a trigger fires; otherwise the
// assistant answers from confident passages or abstains.
func (a *Assistant) decide(ctx context.Context, m *message, res search.Result) {
	d := &m.d
	// The articles in play route a hand-off: those found for this message,
	// then those the conversation was about.
	hints := append(docHints(res.Passages), a.topicHints(m.thread)...)
	sigs := confirmed(a.parts.Triage.Classify(d.Question.Text, d.Lang), res)
	if h, triggered := a.parts.Triage.Choose(sigs, d.Question.Text, hints); triggered && !asksAboutProcess(m.question, h.Trigger, res, a.opts.MinConfidence) {
		a.triaged(ctx, m, h)
		return
	}
	switch {
	case res.Confidence >= a.opts.MinConfidence && len(res.Passages) > 0 && res.Unknown < unknownShare:
		d.Kind, d.Reason, d.Passages = decision.Answer, decision.Answered, res.Passages
		return
	case res.Confidence >= a.opts.MinConfidence && len(res.Passages) > 0:
		// Much of what it asks is in words the help centre never uses.
		d.Kind, d.Reason, d.Passages = decision.Answer, decision.Tentative, res.Passages
		return
	case troubled(m.question, d.Lang):
		// "Something's wrong with my payment": a problem with one thing
		// named, which the search cannot pin down. What about it? With
		// nothing found ("东西不对劲"), it is asked without suggestions.
		askBack(d, res, decision.Vague)
		return
	case res.Confidence >= tentativeShare*a.opts.MinConfidence && len(res.Passages) > 0:
		// Something near the question, though the search is not sure it
		// answers it: the closest part of the help centre, said to be
		// that, beats "I don't know" (most questions in this band are
		// answerable, asked in words the articles do not use).
		d.Kind, d.Reason, d.Passages = decision.Answer, decision.Tentative, res.Passages
		return
	case !m.thread.held() && refersToUnnamed(m.question, d.Lang, m.thread):
		// "上次說的那個還沒好耶", "I want to ask about that code": it
		// points to something the conversation never named and the help
		// centre does not know. What does the customer mean?
		askBack(d, res, decision.Vague)
		return
	case len(res.Passages) == 0:
		d.Kind, d.Reason = decision.Abstain, decision.NoRelevant
	default:
		d.Kind, d.Reason = decision.Abstain, decision.LowConfidence
	}
	d.Answer = catalog.Text(d.Lang, catalog.Abstain)
	if m.thread.abstainedLast() {
		d.Kind, d.Reason = decision.Handoff, decision.RepeatedAbstention
		d.Answer = catalog.Text(d.Lang, catalog.Handoff(decision.RepeatedFailure))
		d.Team = a.parts.Triage.Route(d.Question.Text, hints)
	}
}

// sectionsOfSure returns the sections of the article the search is sure
// the message is about, most relevant first; none when it is not sure.
func (a *Assistant) sectionsOfSure(ctx context.Context, m *message) []search.Passage {
	q := search.Query{Text: redact.RemovePlaceholders(m.question), Lang: m.d.Lang, K: a.opts.Passages}
	res, err := a.parts.Retriever.Search(ctx, q)
	if err != nil || res.Confidence < a.opts.MinConfidence || len(res.Passages) == 0 {
		return nil
	}
	q.K, q.Within = 2*maxSuggestions, []string{res.Passages[0].DocID}
	in, err := a.parts.Retriever.Search(ctx, q)
	if err != nil {
		return nil
	}
	return in.Passages
}

// finish streams a decision that is not an answer (its text comes whole)
// and records it.
func (a *Assistant) finish(ctx context.Context, m *message, stream *Stream) (Reply, error) {
	a.afterHours(&m.d)
	restore := restorerFor(m.conv.placeholders, m.d.Question.Text, m.d.Lang, m.d.Passages)
	if err := sendMeta(stream, m.d.Reply(nil)); err != nil {
		return Reply{}, a.gone(ctx, m, err)
	}
	if err := sendToken(stream, restore(m.d.Answer)); err != nil {
		return Reply{}, a.gone(ctx, m, err)
	}
	return a.record(ctx, m)
}

// record appends the decision to the log and returns the customer's reply
// once the event is durable. The model only ever saw redacted text, but
// what it wrote is redacted again before it is stored: nothing in clear
// reaches disk. The values the turn added to the placeholder mapping go
// with it, encrypted.
func (a *Assistant) record(ctx context.Context, m *message) (Reply, error) {
	d := m.d
	d.Answer = a.redactStored(d.Answer, m.conv.placeholders)
	d.Streamed = a.redactStored(d.Streamed, m.conv.placeholders)
	d.Latency = a.opts.Now().Sub(m.start)
	if _, ok := d.Scores["first_token_ms"]; !ok {
		d.Scores["first_token_ms"] = ms(d.Latency) // the whole answer came at once
	}
	d.Placeholders = m.conv.placeholders.Entries(m.mappedBefore)
	seq, err := a.parts.Recorder.Append(ctx, d.Envelope(), d.Content())
	if err != nil {
		return Reply{}, fmt.Errorf("record decision: %w", err)
	}
	m.conv.seen = max(m.conv.seen, seq)
	r := d.Reply(restorerFor(m.conv.placeholders, d.Question.Text, d.Lang, d.Passages))
	r.AuditSeq = seq
	return r, nil
}

func sendMeta(stream *Stream, r Reply) error {
	if stream == nil || stream.Meta == nil {
		return nil
	}
	if err := stream.Meta(r); err != nil {
		return fmt.Errorf("stream to client: %w", err)
	}
	return nil
}

func sendToken(stream *Stream, s string) error {
	if stream == nil || stream.Token == nil || s == "" {
		return nil
	}
	if err := stream.Token(s); err != nil {
		return fmt.Errorf("stream to client: %w", err)
	}
	return nil
}

// triaged makes the message's decision the triage's: a person takes
// over (or, for an injection attempt, the assistant declines), and the
// model is not asked. A request under data-protection law is also logged
// as one, with its legal deadline, and the customer told its reference.
func (a *Assistant) triaged(ctx context.Context, m *message, h triage.Handoff) {
	d := &m.d
	d.Kind, d.Reason, d.Team = h.Kind, h.Trigger, h.Team
	d.Answer = catalog.Text(d.Lang, catalog.Handoff(h.Trigger))
	for _, sig := range h.Signals {
		d.Scores["trigger_"+string(sig.Trigger)] = sig.Score
	}
	if kind, ok := requestKinds[h.Trigger]; ok {
		a.logRequest(ctx, m, kind)
	}
}

// requestKinds are the triggers that are requests under data-protection
// law, and the kind of request each is.
var requestKinds = map[decision.Reason]string{
	decision.DataAccessRequest:  audit.RequestAccess,
	decision.DataErasureRequest: audit.RequestErasure,
}

// logRequest logs the data-subject request the message makes, once a
// conversation (asked again, the customer is told the same reference),
// and tells the customer its reference and deadline. When it cannot be
// logged, the privacy team still gets the hand-off.
func (a *Assistant) logRequest(ctx context.Context, m *message, kind string) {
	d := &m.d
	req, ok := m.thread.request(kind)
	if !ok {
		if a.parts.Requests == nil {
			return
		}
		r, err := a.parts.Requests.LogRequest(ctx, audit.RequestSpec{Kind: kind, Subject: d.Subject,
			Conversation: d.Conversation, Channel: audit.ChannelChat, Actor: "customer"})
		if err != nil {
			a.log.Warn("log a request made in chat", "kind", kind, "err", err)
			return
		}
		req = RequestRef{ID: r.ID, Kind: kind, Deadline: r.Deadline}
	}
	d.Request = &req
	d.Answer = catalog.Textf(d.Lang, catalog.Key("request."+kind), "ref", req.ID, "deadline", catalog.Date(d.Lang, req.Deadline))
}

// confirmed keeps the triage's signals that stand against the search: a
// trigger only the learned model found, weakly, in a message the
// knowledge base answers with confidence ("how do I send back a lamp I
// don't want anymore", "my order hasn't arrived") is the model reading too
// much into a routine question, and is dropped. What a phrase of the
// lexicon found always stands.
func confirmed(sigs []triage.Signal, res search.Result) []triage.Signal {
	if res.Confidence < routineConfidence {
		return sigs
	}
	out := sigs[:0:0]
	for _, s := range sigs {
		if !s.Model || s.Score >= modelAlone {
			out = append(out, s)
		}
	}
	return out
}

// asksForPerson reports whether a phrase of the lexicon asks for a person
// in text: "算了，我要找人工" turns the offer down in its first words and
// asks for a person in the rest.
func (a *Assistant) asksForPerson(text string, l lang.Tag) bool {
	for _, s := range phrased(a.parts.Triage.Classify(text, l)) {
		if s.Trigger == decision.PersonRequested {
			return true
		}
	}
	return false
}

// phrased keeps the triage's signals that a phrase of the lexicon found:
// in courtesy and nothing else ("bagus la servis korang", "你哋客服好好
// 人呀") or a vague message, the learned model, reading a word for the
// staff or the service in a short message, finds anger or a request no
// phrase says.
func phrased(sigs []triage.Signal) []triage.Signal {
	out := sigs[:0:0]
	for _, s := range sigs {
		if !s.Model {
			out = append(out, s)
		}
	}
	return out
}

// farewell reports whether a message ends the conversation with a goodbye
// after a remark that asks nothing ("ok ill think about it, bye", "tq,
// nanti sy cuba, bye"): what is said before the goodbye is no question
// to search.
func farewell(r courtesy.Reading, rest string, l lang.Tag) bool {
	return r.Closing == courtesy.Goodbye && remark(rest, l) && len(strings.Fields(rest)) <= farewellWords
}

// replyFirst reports whether a message begins with a yes or a no.
func replyFirst(r courtesy.Reading) bool {
	return r.First() == courtesy.Yes || r.First() == courtesy.No
}

// saysItHelped reports whether a yes after a tentative answer, which
// offered a person, says the answer helped rather than taking the offer:
// it ends the conversation ("good to know, bye!"), or a bare "ok" comes
// with thanks ("ok dh settle, tq", "okay sorted, thanks"). "Yes please,
// thanks" still takes the offer.
func saysItHelped(r courtesy.Reading, text string, l lang.Tag) bool {
	if r.Closing == courtesy.Goodbye || slices.Contains(r.Kinds, courtesy.Goodbye) {
		return true
	}
	// Read as no answer to a question, an "ok" is the acknowledgement it
	// opens with.
	return courtesy.Read(text, l, false).Opening == courtesy.Ack && slices.Contains(r.Kinds, courtesy.Thanks)
}

// asksInForm reports whether a whole message is a question in its form
// (a question mark, a particle that asks at its end): "要是已经发货了呢"
// opens with words that say yes and asks what if it has shipped. The
// courtesy reading drops the particles at its end.
func asksInForm(text string) bool {
	return strings.ContainsAny(text, "?？") || search.AsksWhether(text)
}

// remark reports whether what follows a reply asks nothing: no question
// mark, no question in form (how, whether, when, how much: "要加多少钱"
// after the offer of a person asks what express delivery costs), no
// trouble told.
func remark(rest string, l lang.Tag) bool {
	return !strings.ContainsAny(rest, "?？") && !search.AsksHow(rest) && !search.AsksWhether(rest) && search.AnswersKind(rest, "") &&
		!troubled(rest, l) && !courtesy.AsksInHan(rest)
}

// farewellWords is the most words a remark before a goodbye has.
const farewellWords = 6

// asksAboutProcess reports whether a message that fired a request's
// trigger asks how that request is made or how long it takes ("how do I
// delete my account?", "hvor lang tid går der før i svarer på en
// indsigtsanmodning", "怎样把我的投诉升级处理") and the knowledge base
// answers it (its confidence reaches threshold, at which the assistant
// answers): the customer wants to know how the process
// works, which an article explains, not a person to start it. Asking for
// the thing itself ("delete my account", "I want to complain") still
// hands off.
//
// A complaint or a legal step asked about in any question ("does a team
// lead look at it again if I'm not happy?", "boleh pergi tribunal ke")
// is a question about the process too: a complaint or a threat is said,
// not asked. A request for a person or for one's data is often asked
// ("can I talk to a human?"), so only how, when and where count for
// those.
func asksAboutProcess(question string, trigger decision.Reason, res search.Result, threshold float64) bool {
	if !processTriggers[trigger] || len(res.Passages) == 0 || res.Confidence < tentativeShare*threshold {
		return false
	}
	if res.Confidence < threshold {
		// In words the articles do not use ("polisi aduan korang macam
		// mana"): how it is done is still asked, and the closest part
		// of the help centre answers it tentatively. Not so for a
		// person: "how do I get a real human" the help centre is not
		// sure of is handed to one.
		return trigger != decision.PersonRequested && search.AsksHow(question)
	}
	return search.AsksHow(question) || statedTriggers[trigger] && search.AsksWhether(question) || asksNeed(question)
}

// needCues ask whether something must be done ("do I need to call you to
// cancel?", "skal jeg ringe", "perlu call ke"): a question about the
// process, not a request to start it. Language, not any company's
// vocabulary.
var needCues = []string{"do i need to", "do i have to", "do we need to", "do we have to", "must i", "is it necessary to",
	"have i got to", "behøver jeg", "skal jeg", "er det nødvendigt", "perlu ke", "kena ke", "wajib ke", "perlu tak",
	"使唔使", "要唔要", "需不需要", "需唔需要", "是否需要", "要不要", "需要*吗", "需要*嗎", "必须*吗", "必須*嗎", "一定要*吗",
	"一定要*嗎",
	// What must be ready first ("找真人客服之前要準備什麼"): the process again.
	"what do i need to prepare", "what should i prepare", "what should i have ready", "what do i need to have ready",
	"hvad skal jeg have klar", "hvad skal jeg forberede", "perlu sediakan apa", "kena sediakan apa",
	"要准备什么", "要準備什麼", "要准备哪些", "要準備哪些", "需要准备什么", "需要準備什麼", "需要准备哪些", "需要準備哪些",
	"要准备啲咩", "要準備啲咩", "要準備咩"}

// asksNeed reports whether a question asks whether something must be
// done.
func asksNeed(question string) bool {
	lower := " " + strings.ToLower(question) + " "
	for _, c := range needCues {
		if c[0] < 0x80 {
			if strings.Contains(lower, " "+c+" ") {
				return true
			}
			continue
		}
		// "需要*吗": the need, and the question's particle after it ("我需要
		// 人工客服" asks for a person).
		need, particle, both := strings.Cut(c, "*")
		if i := strings.Index(lower, need); i >= 0 && (!both || strings.Contains(lower[i:], particle)) {
			return true
		}
	}
	return false
}

// statedTriggers are the process triggers whose requests are stated,
// not asked: a question that fires one asks about the process.
var statedTriggers = map[decision.Reason]bool{
	decision.Complaint:   true,
	decision.LegalThreat: true,
}

// processTriggers are the triggers that are requests a help centre
// explains how to make: a complaint, a copy or the erasure of one's data,
// reaching a person.
var processTriggers = map[decision.Reason]bool{
	decision.Complaint:          true,
	decision.LegalThreat:        true,
	decision.DataAccessRequest:  true,
	decision.DataErasureRequest: true,
	decision.PersonRequested:    true,
}

// tentativeShare is the share of the minimum confidence from which the
// assistant answers tentatively rather than abstaining. On the labelled
// development conversations, of the first questions scoring between a
// third of the default threshold and the threshold (0.1 to 0.3), 28 were
// answerable (23 of them with the right article first) and 7 not.
const tentativeShare = 1.0 / 3

// Thresholds of confirmed: the retrieval confidence of a routine question
// the knowledge base answers, and the model probability that stands
// without the lexicon whatever the search says.
const (
	routineConfidence = 0.5
	modelAlone        = 0.85
)

// unknownShare is the share of a question's weight, in words the help
// centre never uses (search.Result.Unknown), from which even a confident
// search answers tentatively: "do you do gift wrapping?" finds gift cards
// with confidence, but the help centre never speaks of wrapping, and the
// answer it gives is the closest it has, said to be so, with a person
// offered. On the labelled development conversations, 0.3 took every
// yes and no that followed such an answer as the reply to the offer it
// was, and hedged 8% of the answers to the 605 labelled shop questions
// (86% of those from the right article).
const unknownShare = 0.3
