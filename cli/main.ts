export async function main(argv: string[]): Promise<number> {
  console.log('tilde', argv.join(' '));
  return 0;
}
