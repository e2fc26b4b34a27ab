package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/web/mail/mailtest"
)

func exportAll() audit.ExportRequest { return audit.ExportRequest{Content: true, Actor: "test"} }

// planted are personal data values put into questions. None may appear on
// disk, in the logs, or in a prompt sent to the model.
var planted = []struct{ value, question string }{
	{"olivia.hansen@example.dk", "How do I return an item? Write to me at olivia.hansen@example.dk"},
	{"+45 61 23 45 67", "Ring til mig på +45 61 23 45 67 om min returnering"},
	{"4556 7375 8689 9855", "I paid with card 4556 7375 8689 9855, when is my refund coming?"},
	{"DK50 0040 0440 1162 43", "Please refund to IBAN DK50 0040 0440 1162 43"},
	{"070761-4285", "Mit CPR-nummer er 070761-4285, hvordan sletter jeg min konto?"},
	{"11010519491231002X", "我的身份证号是11010519491231002X，怎么退货？"},
	{"880512-14-5673", "No. IC saya 880512-14-5673, bagaimana nak pulangkan barang?"},
	{"0912-345-678", "我的電話是0912-345-678，請問保固多久？"},
	{"203.0.113.77", "My IP is 203.0.113.77 and I cannot log in, I forgot my password"},
	{"priya.nair@example.my", "I want to talk to a human, my email is priya.nair@example.my"},
}

// neverShownAgain reports whether a planted value is of a type the
// assistant never writes back: cards, IBANs and national ids.
func neverShownAgain(v string) bool {
	switch v {
	case "4556 7375 8689 9855", "DK50 0040 0440 1162 43", "070761-4285", "11010519491231002X", "880512-14-5673":
		return true
	}
	return false
}

// variants returns the forms a value could be stored in: as written, and
// with separators removed.
func variants(v string) []string {
	out := []string{v}
	compact := strings.NewReplacer(" ", "", "-", "", ".", "").Replace(v)
	if compact != v && len(compact) >= 8 {
		out = append(out, compact)
	}
	return out
}

// Planted by the agents' desk: an address a customer gives for e-mailed
// replies, a value an agent has revealed, and the text of an internal
// note. None may be found in clear on disk or in the logs.
const (
	plantedEmailMe = "sigrid.vang@example.no"
	plantedReveal  = "+45 28 91 44 07"
	plantedNote    = "customer-mentioned-harbour-cottage-9132"
)

func TestNoPersonalDataOnDiskOrInLogs(t *testing.T) {
	relay := mailtest.Start(t)
	ts := startDesk(t, relay)
	// The model echoes the question back, so a leak through the prompt
	// would also reach the stored answer.
	ts.Ollama.SetReply(func(_, user string) string {
		q := user[strings.Index(user, "<question>")+len("<question>"):]
		return "You asked: " + strings.TrimSpace(q[:strings.Index(q, "</question>")]) + " [1]"
	})
	conv := ""
	for i, p := range planted {
		body := fmt.Sprintf(`{"question": %q, "subject": %q}`, p.question, ts.subject(fmt.Sprintf("customer-%d@example.org", i)))
		if i%2 == 1 {
			ts.askStream(t, body)
			continue
		}
		code, r, raw := ts.ask(t, body)
		if code != 200 {
			t.Fatalf("ask %d = %s", i, raw)
		}
		if conv == "" {
			conv = r.ConversationID
		}
		// The customer's own reply may show their contact details again
		// (unless the echo was replaced for not being grounded in the
		// sources), but never a card, an account or a national id: those
		// stay placeholders even for the customer who typed them.
		restored := strings.Contains(r.Answer, p.value)
		switch {
		case neverShownAgain(p.value) && restored:
			t.Errorf("live reply to %q repeats a card, account or id: %q", p.question, r.Answer)
		case r.Decision == "answer" && !r.Replaced && !neverShownAgain(p.value) && !restored:
			t.Errorf("live reply to %q does not restore the customer's value: %q", p.question, r.Answer)
		}
	}
	// The desk: the customer asks for e-mail, an agent reveals their phone
	// number for a reason and writes a note; the reply is e-mailed.
	_, ho, raw := ts.ask(t, fmt.Sprintf(`{"question": "I want to talk to a person, call me on %s"}`, plantedReveal))
	if ho.Decision != "handoff" {
		t.Fatalf("hand-off = %s", raw)
	}
	if code, body, _ := ts.call(t, "POST", "/api/v1/conversations/"+ho.ConversationID+"/email", "", `{"address": "`+plantedEmailMe+`"}`); code != 200 {
		t.Fatalf("e-mail me = %d %s", code, body)
	}
	agent, _ := ts.agentToken(t, "Ann", "")
	hid := audit.HandoffID(ho.MessageID)
	if code, body, _ := ts.call(t, "POST", "/api/v1/handoffs/"+hid+"/claim", agent, ""); code != 200 {
		t.Fatalf("claim = %d %s", code, body)
	}
	code, body, _ := ts.call(t, "POST", "/api/v1/handoffs/"+hid+"/reveal", agent, `{"label": "<PHONE_1>", "reason": "customer asked to be called back"}`)
	if code != 200 || !strings.Contains(body, plantedReveal) {
		t.Fatalf("reveal = %d %s", code, body)
	}
	if code, body, _ := ts.call(t, "POST", "/api/v1/handoffs/"+hid+"/notes", agent, `{"text": "`+plantedNote+`"}`); code != 201 {
		t.Fatalf("note = %d %s", code, body)
	}
	if code, body, _ := ts.call(t, "POST", "/api/v1/handoffs/"+hid+"/reply", agent, `{"text": "We will call you today."}`); code != 200 {
		t.Fatalf("reply = %d %s", code, body)
	}
	if m := relay.Wait(t, 1, 10*time.Second); m[0].To != plantedEmailMe {
		t.Fatalf("the reply went to %q", m[0].To)
	}
	// Everything the CLI can export goes to a buffer, then the server stops
	// so that every file is flushed.
	var exported bytes.Buffer
	if _, err := ts.Main.Store.Export(context.Background(), &exported, exportAll()); err != nil {
		t.Fatal(err)
	}
	prompts := strings.Join(ts.Ollama.Prompts(), "\n")
	ts.stop()

	files := 0
	var desk []string
	for _, v := range []string{plantedEmailMe, plantedReveal, plantedNote} {
		desk = append(desk, variants(v)...)
	}
	for _, v := range desk {
		if strings.Contains(ts.Logs.String(), v) {
			t.Errorf("the logs hold %q", v)
		}
	}
	if !strings.Contains(exported.String(), plantedNote) {
		t.Errorf("the decrypted export lacks the note; the grep for it would prove nothing")
	}
	for _, p := range planted {
		for _, v := range variants(p.value) {
			if strings.Contains(prompts, v) {
				t.Errorf("the model was sent %q", v)
			}
			if strings.Contains(ts.Logs.String(), v) {
				t.Errorf("the logs hold %q", v)
			}
			if strings.Contains(exported.String(), v) {
				t.Errorf("the decrypted export holds %q", v)
			}
		}
	}
	walkFiles(t, ts.Main.Config.Data, func(path string, data []byte) {
		files++
		for _, p := range planted {
			for _, v := range variants(p.value) {
				if bytes.Contains(data, []byte(v)) {
					t.Errorf("%s holds %q", path, v)
				}
			}
		}
		for i := range planted {
			if s := fmt.Sprintf("customer-%d@example.org", i); bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds the subject id %q", path, s)
			}
		}
		for _, v := range desk {
			if bytes.Contains(data, []byte(v)) {
				t.Errorf("%s holds %q", path, v)
			}
		}
		if conv != "" && bytes.Contains(data, []byte(conv)) {
			t.Errorf("%s holds a conversation capability", path)
		}
	})
	if files < 3 {
		t.Fatalf("only %d files under the data directory; the walk is not looking at the store", files)
	}
	// The grep must be able to fail: the redacted text is in the export.
	if !strings.Contains(exported.String(), "<EMAIL_1>") {
		t.Fatalf("export lacks the placeholders; the test would prove nothing:\n%.500s", exported.String())
	}
}

func TestCLIAskVerifyExportRedact(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	runCLI := func(stdin string, args ...string) int {
		out.Reset()
		errOut.Reset()
		return run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	}
	// No Ollama at this address: the CLI answers extractively.
	if code := runCLI("", "ask", "--data", dir, "--ollama", "http://127.0.0.1:1", "--json", "How long is the warranty?"); code != 0 {
		t.Fatalf("ask: %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), `"decision": "answer"`) || !strings.Contains(out.String(), `"mode": "extractive"`) {
		t.Fatalf("ask output: %s", out.String())
	}
	if code := runCLI("", "audit", "verify", "--data", dir); code != 0 || !strings.HasPrefix(out.String(), "ok: 2 events") {
		t.Fatalf("verify: %d %s %s", code, out.String(), errOut.String())
	}
	if code := runCLI("", "audit", "export", "--data", dir, "--format", "csv"); code != 0 || !strings.HasPrefix(out.String(), "seq,time,type") {
		t.Fatalf("export: %d %s %s", code, out.String(), errOut.String())
	}
	if code := runCLI("", "audit", "export", "--data", dir, "--type", "export"); code != 0 || !strings.Contains(out.String(), `"seq":3`) {
		t.Fatalf("the csv export was not recorded: %s", out.String())
	}
	if code := runCLI("", "audit", "export", "--data", dir, "--from", "yesterday"); code != 2 || !strings.Contains(errOut.String(), "YYYY-MM-DD") {
		t.Fatalf("bad --from: %d %s", code, errOut.String())
	}

	in := `{"id": 1, "text": "mail me at a@example.com"}
not json
{"id": "x", "text": "nothing here"}
`
	code := runCLI(in, "redact", "--jsonl")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if code != 1 || len(lines) != 3 {
		t.Fatalf("redact: %d %q", code, out.String())
	}
	if lines[0] != `{"id":1,"text":"mail me at <EMAIL_1>","findings":[{"type":"EMAIL","start":11,"end":24,"score":0.95}]}` {
		t.Fatalf("line 1 = %s", lines[0])
	}
	if !strings.Contains(lines[1], `"error":"line is not a JSON object"`) || !strings.Contains(lines[2], `"findings":[]`) {
		t.Fatalf("lines = %q", lines)
	}
	if code := runCLI("", "redact"); code != 2 {
		t.Fatalf("redact without --jsonl: %d", code)
	}
	_ = io.Discard
}

// TestTokenLabelStoredRedacted: a token's label with personal data in it
// (an admin writing whom a token is for) is kept and listed redacted: the
// value is nowhere in the data directory or the logs, while the rest of
// the label is, so the search for it proves something.
func TestTokenLabelStoredRedacted(t *testing.T) {
	const value, rest = "jane.doe@example.com", "front-desk-4471"
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	code, body, _ := ts.call(t, "POST", "/api/v1/tokens", adminToken, `{"role": "agent", "label": "for `+value+` at `+rest+`"}`)
	if code != 201 || strings.Contains(body, value) {
		t.Fatalf("create = %d %s", code, body)
	}
	code, body, _ = ts.call(t, "GET", "/api/v1/tokens", adminToken, "")
	var list struct{ Tokens []struct{ Label string } }
	json.Unmarshal([]byte(body), &list)
	found := false
	for _, tok := range list.Tokens {
		found = found || tok.Label == "for <EMAIL_1> at "+rest
	}
	if code != 200 || !found || strings.Contains(body, value) {
		t.Fatalf("tokens = %d %s", code, body)
	}
	seen := false
	walkFiles(t, ts.Main.Config.Data, func(path string, data []byte) {
		seen = seen || bytes.Contains(data, []byte(rest))
		if bytes.Contains(data, []byte(value)) {
			t.Errorf("%s holds %q", filepath.Base(path), value)
		}
	})
	if !seen {
		t.Error("the label is nowhere in the data directory; the search for the value proves nothing")
	}
	if strings.Contains(ts.Logs.String(), value) {
		t.Errorf("the logs hold %q", value)
	}
}
