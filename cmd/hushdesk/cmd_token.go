package main

import (
	"context"
	"fmt"

	"github.com/hushdesk/hushdesk/audit"
	"github.com/hushdesk/hushdesk/audit/role"
)

// runToken manages API tokens from the shell:
//
//	token create --role agent|compliance|admin --label TEXT
//	token list
//	token revoke ID
func runToken(ctx context.Context, e env) error {
	usage := fmt.Errorf("%w: token create --role ROLE --label TEXT | list | revoke ID", errUsage)
	if len(e.args) == 0 {
		return usage
	}
	sub := e.args[0]
	fs := newFlagSet("token "+sub, e.stderr, storeSettings...)
	roleName := fs.String("role", "", "agent, compliance or admin")
	label := fs.String("label", "", "what the token is for (a team or a purpose, not a person's name)")
	name := fs.String("name", "", "for an agent: the name customers see when the agent joins their conversation")
	if err := parseFlags(fs, e.args[1:]); err != nil {
		return err
	}
	m, err := openAuditLog(ctx, fs, e.stderr, audit.Options{})
	if err != nil {
		return err
	}
	defer m.Close()
	switch sub {
	case "create":
		r, err := role.Parse(*roleName)
		if err != nil {
			return fmt.Errorf("%w: token create --role agent|compliance|admin --label TEXT: %w", errUsage, err)
		}
		secret, tok, err := m.CreateToken(ctx, r, *label, cliActor(), audit.DisplayName(*name))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", secret)
		fmt.Fprintf(e.stderr, "token %s (%s) created; the secret above is shown only now\n", tok.ID, tok.Role)
		return nil
	case "list":
		toks, err := m.Tokens(ctx)
		if err != nil {
			return err
		}
		for _, t := range toks {
			fmt.Fprintf(e.stdout, "%s  %-10s %s  %s\n", t.ID, t.Role, t.Created.Format("2006-01-02"), t.Label)
		}
		return nil
	case "revoke":
		if fs.NArg() != 1 {
			return fmt.Errorf("%w: token revoke ID", errUsage)
		}
		return m.RevokeToken(ctx, fs.Arg(0), cliActor())
	}
	return usage
}
