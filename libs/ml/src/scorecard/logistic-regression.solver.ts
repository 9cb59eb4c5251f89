/**
 * L2-penalised logistic regression by iteratively reweighted least squares (Newton's method).
 * Column 0 of each row must be the constant 1; the intercept is not penalised.
 */
export function fitLogisticIrls(
  rows: Float64Array[],
  labels: Uint8Array,
  l2: number,
  maxIterations = 50,
): Float64Array {
  const k = rows[0]?.length ?? 0;
  let beta = new Float64Array(k);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const hessian = Array.from({ length: k }, () => new Float64Array(k));
    const gradient = new Float64Array(k);
    rows.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-dot(x, beta)));
      const w = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < k; a++) {
        gradient[a] += (labels[i] - p) * x[a];
        for (let b = 0; b <= a; b++) {
          hessian[a][b] += w * x[a] * x[b];
        }
      }
    });
    for (let a = 1; a < k; a++) {
      hessian[a][a] += l2;
      gradient[a] -= l2 * beta[a];
    }
    const step = solveSymmetric(hessian, gradient);
    beta = beta.map((b, a) => b + step[a]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) {
      break;
    }
  }
  return beta;
}

function dot(x: Float64Array, beta: Float64Array): number {
  let s = 0;
  for (let a = 0; a < x.length; a++) {
    s += x[a] * beta[a];
  }
  return s;
}

/** Cholesky solve of A s = g, with A given by its lower triangle (positive definite). */
function solveSymmetric(lower: Float64Array[], g: Float64Array): Float64Array {
  const k = g.length;
  const L = Array.from({ length: k }, () => new Float64Array(k));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = lower[i][j];
      for (let m = 0; m < j; m++) {
        sum -= L[i][m] * L[j][m];
      }
      L[i][j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / L[j][j];
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = g[i];
    for (let m = 0; m < i; m++) {
      sum -= L[i][m] * y[m];
    }
    y[i] = sum / L[i][i];
  }
  const s = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let sum = y[i];
    for (let m = i + 1; m < k; m++) {
      sum -= L[m][i] * s[m];
    }
    s[i] = sum / L[i][i];
  }
  return s;
}
