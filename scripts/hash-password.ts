// `npm run hash-password`: prints a STUDIO_PASSWORD_HASH for AUTH_MODE=password.
// Reads the password from a hidden prompt, or from standard input when it is piped.
import { createInterface } from "node:readline";
import { hashPassword } from "../src/server/auth/password-hash";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += String(chunk);
    return text.replace(/\r?\n$/, "");
  }
  process.stdout.write("Studio password: ");
  const rl = createInterface({ input: process.stdin, terminal: true });
  // Hide what is typed: readline echoes through _writeToOutput.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

const password = await readPassword();
if (password.length < 8) {
  console.error("Use a password of at least 8 characters.");
  process.exit(1);
}
console.log(`STUDIO_PASSWORD_HASH='${await hashPassword(password)}'`);
