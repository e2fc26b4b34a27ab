package web

import (
	"context"
	"errors"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hushdesk/hushdesk/audit/role"
)

// rolesRow is a row of docs/roles.md: the routes it names (a method and a
// path, or a path ending in "..." for every route under it) and the roles
// it lets through.
type rolesRow struct {
	routes []string
	roles  map[role.Role]bool
}

var docRoute = regexp.MustCompile("`((?:GET|POST|PUT|PATCH|DELETE) )?(/api/v1/[^`]*)`")

// readRolesPage reads the table of docs/roles.md and the customers' routes
// named after it.
func readRolesPage(t *testing.T) (rows []rolesRow, customers []string) {
	t.Helper()
	data, err := os.ReadFile("../docs/roles.md")
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	cols := []role.Role{role.Agent, role.Compliance, role.Admin}
	for _, line := range strings.Split(page, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| what") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 4 {
			t.Fatalf("roles.md row with %d cells: %s", len(cells), line)
		}
		r := rolesRow{roles: map[role.Role]bool{}}
		for _, m := range docRoute.FindAllStringSubmatch(cells[0], -1) {
			r.routes = append(r.routes, m[1]+m[2])
		}
		for i, c := range cols {
			r.roles[c] = strings.HasPrefix(strings.TrimSpace(cells[i+1]), "✓")
		}
		if len(r.routes) == 0 {
			t.Fatalf("roles.md row names no route: %s", line)
		}
		rows = append(rows, r)
	}
	_, after, ok := strings.Cut(page, "Customers need no role")
	if !ok {
		t.Fatal("roles.md names no customers' routes")
	}
	after, _, _ = strings.Cut(after, "\n\n")
	for _, m := range docRoute.FindAllStringSubmatch(after, -1) {
		customers = append(customers, m[1]+m[2])
	}
	return rows, customers
}

// docMatches reports whether a route of the page names method and path
// (Echo's form, with :id).
func docMatches(doc, method, path string) bool {
	m, p, ok := strings.Cut(doc, " ")
	if !ok {
		m, p = "", doc
	}
	if m != "" && m != method {
		return false
	}
	if prefix, ok := strings.CutSuffix(p, "..."); ok {
		return path == prefix || strings.HasPrefix(path, prefix+"/")
	}
	return regexp.MustCompile(`\{(\w+)\}`).ReplaceAllString(p, ":$1") == path
}

// TestRolesTable: docs/roles.md is the one list of who may do what. Every
// route of the API is in exactly one of its rows or among the customers'
// routes, and each role's token is let through on exactly the rows
// marked for it (and no route of a row answers without a token).
func TestRolesTable(t *testing.T) {
	rows, customers := readRolesPage(t)
	env := newEnv(t, nil, Options{})
	srv := env.serve(t)
	client := &http.Client{Timeout: 3 * time.Second}
	n := 0
	for _, rt := range env.srv.echo.Routes() {
		if !strings.HasPrefix(rt.Path, "/api/v1/") || rt.Method == "echo_route_any" {
			continue
		}
		var row *rolesRow
		for i := range rows {
			for _, d := range rows[i].routes {
				if docMatches(d, rt.Method, rt.Path) {
					if row != nil && row != &rows[i] {
						t.Errorf("%s %s is in two rows of roles.md", rt.Method, rt.Path)
					}
					row = &rows[i]
				}
			}
		}
		customer := false
		for _, d := range customers {
			customer = customer || docMatches(d, rt.Method, rt.Path)
		}
		switch {
		case row == nil && !customer:
			t.Errorf("%s %s is in no row of roles.md", rt.Method, rt.Path)
			continue
		case row != nil && customer:
			t.Errorf("%s %s is both a customer's and a role's", rt.Method, rt.Path)
			continue
		case customer:
			continue
		}
		n++
		url := srv.URL + regexp.MustCompile(`:\w+`).ReplaceAllString(rt.Path, "x")
		status := func(secret string) int {
			t.Helper()
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			req, _ := http.NewRequestWithContext(ctx, rt.Method, url, strings.NewReader("{}"))
			req.Header.Set("Content-Type", "application/json")
			if secret != "" {
				req.Header.Set("Authorization", "Bearer "+secret)
			}
			resp, err := client.Do(req)
			if errors.Is(err, context.DeadlineExceeded) || err != nil && strings.Contains(err.Error(), "Timeout") {
				return 0 // a stream that was let in
			}
			if err != nil {
				t.Fatalf("%s %s: %v", rt.Method, url, err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		if got := status(""); got != http.StatusUnauthorized {
			t.Errorf("%s %s without a token = %d, want 401", rt.Method, rt.Path, got)
		}
		for r, allowed := range row.roles {
			got := status(env.secret[r])
			if forbidden := got == http.StatusForbidden; forbidden == allowed {
				t.Errorf("%s %s as %s = %d; roles.md says allowed: %v", rt.Method, rt.Path, r, got, allowed)
			}
		}
	}
	if n < 40 {
		t.Errorf("only %d routes with roles checked", n)
	}
}
