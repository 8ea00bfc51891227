// Entry point of the `regie` executable: wiring only.
#include "cli/app.h"

int main(int argc, char** argv) { return regie::cli::run(argc, argv); }
