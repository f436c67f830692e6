// The round workflow in VS Code's English UI (the suite: round-suite.ts).
import { roundWorkflowSuite } from './round-suite';

roundWorkflowSuite();
