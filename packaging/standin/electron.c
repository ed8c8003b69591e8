/*
 * A stand-in for the Electron executable, for packing without one (no Electron binary can be
 * downloaded on the machines that build and test Wirewatch). It is the part of Electron that
 * packaging touches: an ELF executable whose read-only data holds Electron's fuse wire exactly as
 * Electron lays it out (electron/build/fuses/build.py): the sentinel, the wire version (1), the
 * wire length, then one ASCII byte per fuse ('0' off, '1' on, 'r' removed). @electron/fuses finds
 * the sentinel in the file and rewrites the bytes after it, so the wire here must be the real one.
 *
 * At run time it reads its own wire (the bytes the loader mapped from the file, so a flip on disk
 * shows here) and acts on the two fuses that matter to Wirewatch's own processes:
 *   - RunAsNode: with ELECTRON_RUN_AS_NODE=1 and the fuse on, it runs the script with Node (what
 *     Electron does, with Node in place of Electron's embedded one); with the fuse off it ignores
 *     the variable, as Electron does, and starts "the app" instead.
 *   - OnlyLoadAppFromAsar: it reports which app locations Electron would search.
 * `--print-fuses` prints the wire as JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Electron 45's defaults (electron/build/fuses/fuses.json5), in wire order. */
__attribute__((used)) static const volatile char fuse_wire[] =
    "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX" /* sentinel */
    "\x01"                             /* wire version */
    "\x08"                             /* wire length */
    "1"                                /* RunAsNode */
    "0"                                /* EnableCookieEncryption */
    "1"                                /* EnableNodeOptionsEnvironmentVariable */
    "1"                                /* EnableNodeCliInspectArguments */
    "0"                                /* EnableEmbeddedAsarIntegrityValidation */
    "0"                                /* OnlyLoadAppFromAsar */
    "0"                                /* LoadBrowserProcessSpecificV8Snapshot */
    "1";                               /* GrantFileProtocolExtraPrivileges */

static const char *const FUSE_NAMES[] = {
    "RunAsNode",
    "EnableCookieEncryption",
    "EnableNodeOptionsEnvironmentVariable",
    "EnableNodeCliInspectArguments",
    "EnableEmbeddedAsarIntegrityValidation",
    "OnlyLoadAppFromAsar",
    "LoadBrowserProcessSpecificV8Snapshot",
    "GrantFileProtocolExtraPrivileges",
};

enum { SENTINEL_LENGTH = 32, WIRE_START = SENTINEL_LENGTH + 2 };

static int fuse_on(int index) { return fuse_wire[WIRE_START + index] == '1'; }

static void print_fuses(void) {
  int length = fuse_wire[SENTINEL_LENGTH + 1];
  printf("{\"version\":%d", fuse_wire[SENTINEL_LENGTH]);
  for (int i = 0; i < length && i < (int)(sizeof FUSE_NAMES / sizeof FUSE_NAMES[0]); i++) {
    printf(",\"%s\":\"%c\"", FUSE_NAMES[i], fuse_wire[WIRE_START + i]);
  }
  printf("}\n");
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--print-fuses") == 0) {
    print_fuses();
    return 0;
  }
  const char *as_node = getenv("ELECTRON_RUN_AS_NODE");
  if (as_node != NULL && strcmp(as_node, "1") == 0 && fuse_on(0)) {
    /* Electron would run its embedded Node here; the stand-in hands over to the system's. */
    const char *node = getenv("WIREWATCH_STANDIN_NODE");
    argv[0] = (char *)(node != NULL ? node : "node");
    execvp(argv[0], argv);
    perror("stand-in electron: cannot run node");
    return 127;
  }
  printf("stand-in Electron: would start the app from %s\n",
         fuse_on(5) ? "resources/app.asar only" : "resources/app.asar, resources/app, default_app.asar");
  return 0;
}
