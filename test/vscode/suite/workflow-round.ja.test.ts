// The round workflow in VS Code's Japanese UI (the suite: round-suite.ts): the same steps, the
// commands' quick inputs, notifications and the server's findings in Japanese (screenshots -ja).
import { roundWorkflowSuite } from './round-suite';

roundWorkflowSuite();
