package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hushdesk/hushdesk/retrieval/kb"
)

// Planted in documents' names, an upload's prefix and a document's URL.
// None may reach the data directory or the logs in clear.
const (
	plantedFileEmail   = "john.smith@example.com"
	plantedPrefixPhone = "+45 20 12 34 56"
	plantedURLEmail    = "maja.holm@example.dk"
	plantedFolderPhone = "+45 61 98 76 54"
)

// refusedUpload is the body of a 422 for documents refused by name.
type refusedUpload struct {
	Error   string
	Code    string
	Refused []kb.Refusal
	Report  struct{ Added int }
}

// uploadFiles posts files (name → text) as one multipart upload with a
// prefix ("" for none) and returns the status and the body.
func (ts *testServer) uploadFiles(t *testing.T, prefix string, names []string, text string) (int, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if prefix != "" {
		w.WriteField("prefix", prefix)
	}
	for _, name := range names {
		f, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(f, text)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/v1/documents", &b)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+adminToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestNoPersonalDataInDocumentNames plants an e-mail address and phone
// numbers in documents' file names, an upload's prefix, a folder's name
// and a URL, through the API and the command line: each such document
// is refused with its types and counts, the others go in, and no planted
// value is found in any file of the data directories or in the logs.
func TestNoPersonalDataInDocumentNames(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AdminToken = adminToken })
	text := "# Pigeon post\n\nCarrier pigeons fly for free."
	refused := func(what string, code int, body string, wantIndex int, wantType string, wantAdded int) {
		t.Helper()
		var r refusedUpload
		json.Unmarshal([]byte(body), &r)
		if code != http.StatusUnprocessableEntity || r.Code != "unprocessable" || len(r.Refused) != 1 ||
			r.Refused[0].Index != wantIndex || r.Refused[0].PersonalData[wantType] != 1 || r.Report.Added != wantAdded {
			t.Errorf("%s = %d %s", what, code, body)
		}
	}
	code, body := ts.uploadFiles(t, "", []string{"pigeons.md", "complaint-" + plantedFileEmail + ".md", "lofts.md"}, text)
	refused("file name", code, body, 1, "EMAIL", 2)
	code, body = ts.uploadFiles(t, "customers/"+plantedPrefixPhone, []string{"letter.md"}, text)
	refused("prefix", code, body, 0, "PHONE", 0)
	code, body, _ = ts.call(t, "POST", "/api/v1/documents", adminToken,
		`{"id": "kb/pigeon-letter.md", "text": "Carrier pigeons fly for free.", "url": "https://help.larkspur.example/letters/`+plantedURLEmail+`"}`)
	refused("url", code, body, 0, "EMAIL", 0)
	held := map[string]bool{}
	for _, d := range ts.Main.Index.Documents() {
		held[d.ID] = true
	}
	if !held["upload/pigeons.md"] || !held["upload/lofts.md"] {
		t.Errorf("the clean files of the upload were lost: %v", held)
	}

	// The command line: a folder with a file whose name holds an e-mail
	// address and one whose front matter's url does, and a folder whose
	// own name holds a phone number.
	cliData := t.TempDir()
	folder := filepath.Join(t.TempDir(), "help")
	other := filepath.Join(t.TempDir(), "customer "+plantedFolderPhone)
	files := map[string]string{
		filepath.Join(folder, "pigeons.md"):                        text,
		filepath.Join(folder, "complaint-"+plantedFileEmail+".md"): text,
		filepath.Join(folder, "linked.md"):                         "---\nurl: https://help.larkspur.example/" + plantedURLEmail + "\n---\n" + text,
		filepath.Join(other, "letter.md"):                          text,
	}
	for p, body := range files {
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	err := runIngest(context.Background(), env{args: []string{"--data", cliData, folder, other}, stdout: &stdout, stderr: &stderr})
	var rf *kb.RefusedError
	if !errors.As(err, &rf) || len(rf.Refused) != 3 || !strings.HasPrefix(stdout.String(), "1 added") {
		t.Errorf("ingest: err = %v\n%s", err, stdout.String())
	}
	cliOut := stdout.String() + stderr.String()
	if err != nil {
		cliOut += err.Error() // what the command prints
	}
	ts.stop()

	planted := []string{plantedFileEmail, plantedPrefixPhone, plantedURLEmail, plantedFolderPhone}
	for _, v := range planted {
		for _, v := range variants(v) {
			if strings.Contains(ts.Logs.String(), v) {
				t.Errorf("the server's logs hold %q", v)
			}
			if strings.Contains(cliOut, v) {
				t.Errorf("ingest's output holds %q", v)
			}
		}
	}
	files2 := 0
	for _, dir := range []string{ts.Main.Config.Data, cliData} {
		walkFiles(t, dir, func(path string, data []byte) {
			files2++
			for _, v := range planted {
				for _, v := range variants(v) {
					if bytes.Contains(data, []byte(v)) {
						t.Errorf("%s holds %q", filepath.Base(path), v)
					}
				}
			}
		})
	}
	if files2 < 6 {
		t.Fatalf("only %d files under the data directories; the walk is not looking at the stores", files2)
	}
}
