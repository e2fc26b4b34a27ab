package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

// call sends a request with a bearer token and returns the status and body.
func call(t *testing.T, method, url, token, body string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, url, r)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// types lists the types of the events in the log, in order.
func types(t *testing.T, store *audit.Store) []string {
	t.Helper()
	var out []string
	store.Scan(context.Background(), audit.Filter{}, false, func(e audit.Event) error {
		out = append(out, e.Type)
		return nil
	})
	return out
}

func TestFourEyesErasure(t *testing.T) {
	env := newEnv(t, nil, Options{FourEyes: FourEyes{Erasure: true, HoldRelease: true}})
	srv := env.serve(t)
	ctx := context.Background()
	first := env.secret[role.Compliance]
	second, _, err := env.store.CreateToken(ctx, role.Compliance, "second officer", "test")
	if err != nil {
		t.Fatal(err)
	}
	subject := env.store.SubjectPseudonym("cust-9")
	if _, err := env.store.Append(ctx, audit.Envelope{Type: audit.TypeDecision, Subject: subject, Conversation: "k_x"},
		&audit.Content{Question: "where is my parcel"}); err != nil {
		t.Fatal(err)
	}

	// The first officer asks: nothing is erased yet.
	code, body := call(t, "DELETE", srv.URL+"/api/v1/subjects/cust-9", first, "")
	if code != http.StatusAccepted || !strings.Contains(body, `"status":"pending"`) {
		t.Fatalf("erasure with four eyes = %d %s", code, body)
	}
	var asked struct{ Approval Approval }
	json.Unmarshal([]byte(body), &asked)
	evs, _ := env.store.Subject(ctx, subject)
	if len(evs) != 1 || evs[0].Content == nil && !evs[0].Shredded {
		t.Fatalf("the subject's events before the approval: %+v", evs)
	}
	if code, body := call(t, "GET", srv.URL+"/api/v1/approvals", second, ""); code != 200 || !strings.Contains(body, asked.Approval.ID) {
		t.Fatalf("pending approvals = %d %s", code, body)
	}
	// Neither the asker nor an admin may approve.
	path := srv.URL + "/api/v1/approvals/" + asked.Approval.ID
	if code, body := call(t, "POST", path+"/approve", first, ""); code != http.StatusForbidden || !strings.Contains(body, "second compliance officer") {
		t.Fatalf("self-approval = %d %s", code, body)
	}
	if code, _ := call(t, "POST", path+"/approve", env.secret[role.Admin], ""); code != http.StatusForbidden {
		t.Fatalf("an admin approves: %d", code)
	}
	// The second officer approves: the approval is recorded, then the erasure.
	code, body = call(t, "POST", path+"/approve", second, "")
	if code != 200 || !strings.Contains(body, `"status":"granted"`) || !strings.Contains(body, `"events_affected":1`) {
		t.Fatalf("approval = %d %s", code, body)
	}
	if code, _ := call(t, "POST", path+"/approve", second, ""); code != http.StatusConflict {
		t.Fatalf("a second approval = %d", code)
	}
	got := strings.Join(types(t, env.store), " ")
	if !strings.Contains(got, "approval.requested approval.granted erasure request.completed") {
		t.Fatalf("log = %s", got)
	}
	var granted audit.Event
	env.store.Scan(ctx, audit.Filter{Types: []string{audit.TypeApprovalGranted}}, false, func(e audit.Event) error { granted = e; return nil })
	if granted.Attrs["asked_by"] == "" || granted.Actor == granted.Attrs["asked_by"] || granted.Subject != subject {
		t.Fatalf("approval event = %+v", granted.Envelope)
	}
	if evs, _ := env.store.Subject(ctx, subject); len(evs) != 0 {
		t.Fatalf("after the approved erasure the subject still has %d events", len(evs))
	}
}

func TestFourEyesHoldRelease(t *testing.T) {
	env := newEnv(t, nil, Options{FourEyes: FourEyes{HoldRelease: true}})
	srv := env.serve(t)
	first := env.secret[role.Compliance]
	second, _, _ := env.store.CreateToken(context.Background(), role.Compliance, "second", "test")
	if code, body := call(t, "POST", srv.URL+"/api/v1/holds", first, `{"subject": "cust-1", "basis": "case 77"}`); code != 201 {
		t.Fatalf("hold = %d %s", code, body)
	}
	target := env.store.SubjectPseudonym("cust-1")
	code, body := call(t, "DELETE", srv.URL+"/api/v1/holds/"+target, first, "")
	if code != http.StatusAccepted {
		t.Fatalf("release = %d %s", code, body)
	}
	var asked struct{ Approval Approval }
	json.Unmarshal([]byte(body), &asked)
	// Refused by the second officer: the hold stands.
	if code, body := call(t, "POST", srv.URL+"/api/v1/approvals/"+asked.Approval.ID+"/reject", second, ""); code != 200 || !strings.Contains(body, `"status":"rejected"`) {
		t.Fatalf("reject = %d %s", code, body)
	}
	if holds, _ := env.store.Holds(context.Background()); len(holds) != 1 {
		t.Fatalf("holds after a refusal: %+v", holds)
	}
	// Asked again and approved: the hold goes.
	_, body = call(t, "DELETE", srv.URL+"/api/v1/holds/"+target, first, "")
	json.Unmarshal([]byte(body), &asked)
	if code, body := call(t, "POST", srv.URL+"/api/v1/approvals/"+asked.Approval.ID+"/approve", second, ""); code != 200 {
		t.Fatalf("approve = %d %s", code, body)
	}
	if holds, _ := env.store.Holds(context.Background()); len(holds) != 0 {
		t.Fatalf("holds after the approval: %+v", holds)
	}
	// A release of a hold that is not there is refused before anyone is asked.
	if code, _ := call(t, "DELETE", srv.URL+"/api/v1/holds/"+target, first, ""); code != http.StatusNotFound {
		t.Fatalf("release without a hold = %d", code)
	}
}

func TestWithoutFourEyesErasureIsImmediate(t *testing.T) {
	env := newEnv(t, nil, Options{})
	srv := env.serve(t)
	code, body := call(t, "DELETE", srv.URL+"/api/v1/subjects/cust-3", env.secret[role.Compliance], "")
	if code != 200 || !strings.Contains(body, `"erased_at"`) {
		t.Fatalf("erasure = %d %s", code, body)
	}
	if code, _ := call(t, "DELETE", srv.URL+"/api/v1/subjects/cust-3", env.secret[role.Admin], ""); code != http.StatusForbidden {
		t.Fatalf("an admin erases: %d", code)
	}
}

func TestSecurityTrail(t *testing.T) {
	env := newEnv(t, nil, Options{})
	srv := env.serve(t)
	officer := env.secret[role.Compliance]
	call(t, "POST", srv.URL+"/console/login", "", `{"token": "wrong"}`)
	call(t, "POST", srv.URL+"/console/login", "", `{"token": "`+env.secret[role.Agent]+`"}`)
	call(t, "GET", srv.URL+"/api/v1/audit/verify", officer, "")
	call(t, "GET", srv.URL+"/api/v1/audit/backup", env.secret[role.Admin], "")
	_, list := call(t, "GET", srv.URL+"/api/v1/tokens", env.secret[role.Admin], "")
	var tokens struct{ Tokens []audit.Token }
	json.Unmarshal([]byte(list), &tokens)
	for _, tok := range tokens.Tokens {
		if tok.Role == role.Agent {
			if code, body := call(t, "PATCH", srv.URL+"/api/v1/tokens/"+tok.ID, env.secret[role.Admin], `{"name": "Ann"}`); code != 200 {
				t.Fatalf("rename = %d %s", code, body)
			}
		}
	}
	if code, body := call(t, "PUT", srv.URL+"/api/v1/widget/appearance", env.secret[role.Admin], `{"color": "#224488", "position": "left"}`); code != 200 {
		t.Fatalf("appearance = %d %s", code, body)
	}
	env.store.Append(context.Background(), audit.Envelope{Type: audit.TypeDecision, Conversation: "k_y"}, nil)

	code, body := call(t, "GET", srv.URL+"/api/v1/audit/security", officer, "")
	if code != 200 {
		t.Fatalf("trail = %d %s", code, body)
	}
	var page struct{ Events []audit.Event }
	json.Unmarshal([]byte(body), &page)
	var got []string
	for _, e := range page.Events {
		got = append(got, e.Type)
		if e.Type == audit.TypeVerified && (e.Outcome != "intact" || e.Actor == "") {
			t.Errorf("verification event = %+v", e.Envelope)
		}
	}
	want := "token.created token.created token.created auth.login_failed auth.login audit.verified audit.backup token.updated settings.changed"
	if strings.Join(got, " ") != want {
		t.Fatalf("trail = %s, want %s", strings.Join(got, " "), want)
	}
	for _, secret := range env.secret {
		if strings.Contains(body, secret) {
			t.Fatal("the trail holds a token")
		}
	}
	if code, _ := call(t, "GET", srv.URL+"/api/v1/audit/security?type=decision", officer, ""); code != 400 {
		t.Errorf("a decision as a security type = %d", code)
	}
	for _, r := range []role.Role{role.Agent, role.Admin} {
		if code, _ := call(t, "GET", srv.URL+"/api/v1/audit/security", env.secret[r], ""); code != 403 {
			t.Errorf("%s reads the trail: %d", r, code)
		}
	}
}
