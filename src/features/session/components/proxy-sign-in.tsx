/** Proxy mode: the studio's own sign-in proxy lets people in; this page has no form to offer. */
export function ProxySignIn() {
  return (
    <div className="space-y-3 text-sm text-zinc-600 dark:text-zinc-400">
      <p>This studio lets people in through its sign-in proxy, and this request didn't come through it signed in.</p>
      <p>
        Sign in through the studio's sign-in proxy (the address your team uses for Dailies), then open this page again.
      </p>
    </div>
  );
}
