// `npm run db:generate` and any other Prisma CLI command, without native engines: tsx scripts/prisma.ts <args>
import { runPrisma } from "./lib/prisma-cli";

process.exit(runPrisma(process.argv.slice(2)).status);
