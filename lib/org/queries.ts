import "server-only";
import { db } from "@/lib/db";

/** The company's name and colours for the app shell. */
export async function getCompanyBranding(companyId: string) {
  return db.company.findUniqueOrThrow({
    where: { id: companyId },
    select: { id: true, name: true, primaryColor: true, secondaryColor: true, logoFileId: true },
  });
}
