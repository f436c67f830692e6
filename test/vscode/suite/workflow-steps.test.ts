// The comment workflow steps in VS Code's English UI (the suite: workflow-suite.ts).
import { commentWorkflowSuite } from './workflow-suite';

commentWorkflowSuite();
