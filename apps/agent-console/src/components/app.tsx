import { useSession } from '../hooks/use-session';
import { ConsoleShell } from './console-shell';
import { LoginScreen } from './login-screen';

export function App() {
  const { session, signIn, signOut, expire } = useSession();

  if (session.status === 'loading') return <div className="splash">Loading…</div>;
  if (session.status === 'signed-out') return <LoginScreen notice={session.notice} onSignIn={signIn} />;
  return <ConsoleShell key={session.agent.id} agent={session.agent} onSignOut={signOut} onExpired={expire} />;
}
